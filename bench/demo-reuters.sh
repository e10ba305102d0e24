#!/usr/bin/env bash
# End-to-end benchmark: the demo pipeline (in-process broker, ingest, enrich, sink to SQLite) over
# the 19,042 Reuters-21578 stories. Prints the demo's summary line with wall time and articles/s.
#   bench/demo-reuters.sh [extra demo options, e.g. -D enrich.threads=2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="${WIRESTREAM_REUTERS:-$root/../shared/corpora/news/reuters21578.jsonl}"
[ -f "$input" ] || { echo "demo-reuters: $input not found (set WIRESTREAM_REUTERS)" >&2; exit 2; }
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
"$root/wirestream" --version >/dev/null   # build outside the timed run
start=$(date +%s.%N)
"$root/wirestream" demo --data-dir "$data" "$@" "$input" 2> >(grep -v ' INFO ' >&2)
end=$(date +%s.%N)
echo "process wall time: $(echo "$end - $start" | bc) s (JVM start, broker start and shutdown included)"
