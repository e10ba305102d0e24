#!/usr/bin/env bash
# What Kafka, JSON and the sink cost on top of the NLP: the same Reuters stories through
# `wirestream annotate` (the enrich pipeline over a file, no broker) and through the demo (in-process
# broker, ingest, enrich topology, sink to SQLite), in one run, and the ratio of the wall times.
# Both include JVM start and model loading; the demo also starts and stops its broker.
#   bench/overhead.sh [-n FIRST_N_LINES] [extra options for both, e.g. -D enrich.threads=1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="${WIRESTREAM_REUTERS:-$root/../shared/corpora/news/reuters21578.jsonl}"
lines=""
if [ "${1:-}" = "-n" ]; then
  lines="${2:?-n needs a number of lines}"
  shift 2
fi
[ -f "$input" ] || { echo "overhead: $input not found (set WIRESTREAM_REUTERS)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stories="$work/reuters.jsonl"
if [ -n "$lines" ]; then head -n "$lines" "$input" >"$stories"; else cp "$input" "$stories"; fi
count=$(grep -c . "$stories")
"$root/wirestream" --version >/dev/null   # build outside the timed runs

now() { date +%s.%N; }
start=$(now)
"$root/wirestream" annotate --out "$work/enriched.jsonl" "$@" "$stories" 2> >(grep -v ' INFO ' >&2)
annotate=$(echo "$(now) - $start" | bc)
records=$(grep -c . "$work/enriched.jsonl" || true)

start=$(now)
"$root/wirestream" demo --data-dir "$work/demo" "$@" "$stories" 2> >(grep -v ' INFO ' >&2)
demo=$(echo "$(now) - $start" | bc)

printf 'stories %d; annotate: %d records in %.1f s; demo: %.1f s\n' "$count" "$records" "$annotate" "$demo"
printf 'demo / annotate wall time: %.2f (pipeline overhead: Kafka, JSON and sink, %.0f%% of the NLP run)\n' \
  "$(echo "$demo / $annotate" | bc -l)" "$(echo "($demo - $annotate) * 100 / $annotate" | bc -l)"
