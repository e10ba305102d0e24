#!/usr/bin/env bash
# Prints the latest result block of every scenario in target/faults/results.md, in the suite's
# order, ready to paste into docs/reliability.md.
#   bench/faults/report.sh [results.md]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
results="${1:-$root/target/faults/results.md}"
[ -f "$results" ] || { echo "report.sh: no $results; run bench/faults/run.sh first" >&2; exit 2; }
awk -v order="reference kill-ingest kill-enrich kill-sink broker-30s broker-300s postgres-30s hostile scale-out" '
  /^### / { name = $2; sub(/:$/, "", name); block[name] = ""; current = name }
  current != "" { block[current] = block[current] $0 "\n" }
  END {
    n = split(order, names, " ")
    for (i = 1; i <= n; i++) if (names[i] in block) printf "%s", block[names[i]]
  }
' "$results"
