#!/usr/bin/env bash
# What Kafka, JSON and the sink cost on top of the NLP: the same Reuters stories through
# `wirestream annotate` (the enrich pipeline over a file, no broker) and through the demo (in-process
# broker, ingest, enrich topology, sink to SQLite), in one run, and the ratio of the wall times.
# Both include JVM start and model loading; the demo also starts and stops its broker.
# With -r N the pair runs N times, alternating, and the median ratio is printed too: on a shared
# machine the load changes from minute to minute, and a ratio compares only runs taken together.
#   bench/overhead.sh [-n FIRST_N_LINES] [-r RUNS] [extra options for both, e.g. -D enrich.threads=1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="${WIRESTREAM_REUTERS:-$root/../shared/corpora/news/reuters21578.jsonl}"
lines=""
runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    -n) lines="${2:?-n needs a number of lines}"; shift 2 ;;
    -r) runs="${2:?-r needs a number of runs}"; shift 2 ;;
    *) break ;;
  esac
done
[ -f "$input" ] || { echo "overhead: $input not found (set WIRESTREAM_REUTERS)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stories="$work/reuters.jsonl"
if [ -n "$lines" ]; then head -n "$lines" "$input" >"$stories"; else cp "$input" "$stories"; fi
count=$(grep -c . "$stories")
"$root/wirestream" --version >/dev/null   # build outside the timed runs

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }
ratios=()
for run in $(seq 1 "$runs"); do
  rm -rf "$work/demo" "$work/enriched.jsonl"
  load_before=$(load)
  start=$(now)
  "$root/wirestream" annotate --out "$work/enriched.jsonl" "$@" "$stories" 2> >(grep -v ' INFO ' >&2)
  annotate=$(echo "$(now) - $start" | bc)
  records=$(grep -c . "$work/enriched.jsonl" || true)

  start=$(now)
  "$root/wirestream" demo --data-dir "$work/demo" "$@" "$stories" 2> >(grep -v ' INFO ' >&2)
  demo=$(echo "$(now) - $start" | bc)

  ratio=$(echo "$demo / $annotate" | bc -l)
  ratios+=("$ratio")
  printf 'stories %d; annotate: %d records in %.1f s; demo: %.1f s (load average %s, then %s)\n' \
    "$count" "$records" "$annotate" "$demo" "$load_before" "$(load)"
  printf 'demo / annotate wall time: %.2f (pipeline overhead: Kafka, JSON and sink, %.0f%% of the NLP run)\n' \
    "$ratio" "$(echo "($demo - $annotate) * 100 / $annotate" | bc -l)"
done
if [ "$runs" -gt 1 ]; then
  printf 'median demo / annotate over %d runs: %.2f\n' "$runs" \
    "$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{r[NR] = $1} END {print (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2}')"
fi
