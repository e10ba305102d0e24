#!/usr/bin/env bash
# What Kafka, JSON and the sink cost on top of the NLP: the same Reuters stories through
# `wirestream annotate` (the enrich pipeline over a file, no broker) and through the demo (in-process
# broker, ingest, enrich topology, sink to SQLite), in one run, and the ratio of the wall times.
# Both include JVM start and model loading; the demo also starts and stops its broker.
# With -r N the pair runs N times, alternating, and the median ratio is printed too: on a shared
# machine the load changes from minute to minute, and a ratio compares only runs taken together.
# The CPU seconds (user + system, all threads) of each run are printed too: what the pipeline adds
# in work, which other jobs on the machine disturb less than the wall time.
# Each pair is followed by a pair on the first story alone: its times are the fixed costs (JVM start,
# model loading, the demo's broker start, first rebalance and stop), and the times above them are
# the steady state, so the ratio of the differences is the pipeline's cost per story. The medians at
# the end are of both ratios, the first one including the fixed costs.
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
head -n 1 "$stories" >"$work/first.jsonl"
count=$(grep -c . "$stories")
"$root/wirestream" --version >/dev/null   # build outside the timed runs

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }
# Runs a command, leaving its CPU seconds (user + system of it and its children) in $work/cpu.
cpu_of() {
  local before after
  before=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  "$@"
  after=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  echo "scale=1; ($after - $before) / $(getconf CLK_TCK)" | bc >"$work/cpu"
}
# Runs annotate and then the demo on file $1, leaving wall and CPU seconds in annotate, annotate_cpu,
# demo and demo_cpu, and annotate's output count in records.
pair() {
  local start
  rm -rf "$work/demo" "$work/enriched.jsonl"
  start=$(now)
  cpu_of "$root/wirestream" annotate --out "$work/enriched.jsonl" "${options[@]}" "$1" 2> >(grep -v ' INFO ' >&2)
  annotate=$(echo "$(now) - $start" | bc)
  annotate_cpu=$(cat "$work/cpu")
  records=$(grep -c . "$work/enriched.jsonl" || true)
  start=$(now)
  cpu_of "$root/wirestream" demo --data-dir "$work/demo" "${options[@]}" "$1" >"$work/demo.out" 2> >(grep -v ' INFO ' >&2)
  demo=$(echo "$(now) - $start" | bc)
  demo_cpu=$(cat "$work/cpu")
  if [ "$1" = "$stories" ]; then cat "$work/demo.out"; fi
}
median() {
  printf '%s\n' "$@" | sort -g | awk '{r[NR] = $1} END {print (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2}'
}
options=("$@")
ratios=()
steady_ratios=()
for run in $(seq 1 "$runs"); do
  load_before=$(load)
  pair "$stories"

  ratio=$(echo "$demo / $annotate" | bc -l)
  ratios+=("$ratio")
  printf 'stories %d; annotate: %d records in %.1f s (CPU %.1f s); demo: %.1f s (CPU %.1f s); load average %s, then %s\n' \
    "$count" "$records" "$annotate" "$annotate_cpu" "$demo" "$demo_cpu" "$load_before" "$(load)"
  printf 'demo / annotate wall time: %.2f (pipeline overhead: Kafka, JSON and sink, %.0f%% of the NLP run); CPU time: %.2f\n' \
    "$ratio" "$(echo "($demo - $annotate) * 100 / $annotate" | bc -l)" "$(echo "$demo_cpu / $annotate_cpu" | bc -l)"

  total_annotate=$annotate total_annotate_cpu=$annotate_cpu total_demo=$demo total_demo_cpu=$demo_cpu
  pair "$work/first.jsonl"
  steady=$(echo "($total_demo - $demo) / ($total_annotate - $annotate)" | bc -l)
  steady_ratios+=("$steady")
  printf 'fixed costs (the first story alone): annotate %.1f s (CPU %.1f s), demo %.1f s (CPU %.1f s); load average %s\n' \
    "$annotate" "$annotate_cpu" "$demo" "$demo_cpu" "$(load)"
  printf 'steady state, demo / annotate without the fixed costs: wall time %.2f; CPU time %.2f\n' \
    "$steady" "$(echo "($total_demo_cpu - $demo_cpu) / ($total_annotate_cpu - $annotate_cpu)" | bc -l)"
done
if [ "$runs" -gt 1 ]; then
  printf 'median demo / annotate over %d runs: %.2f with the fixed costs, %.2f without\n' "$runs" \
    "$(median "${ratios[@]}")" "$(median "${steady_ratios[@]}")"
fi
