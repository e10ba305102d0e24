#!/usr/bin/env bash
# What exactly-once publishing costs ingest: the same Reuters stories published by
# `wirestream ingest --once` to a `wirestream broker` of its own, with ingest.exactly.once on
# (Kafka transactions, committed every ingest.commit.interval.ms) and off (idempotent producer,
# at least once), alternating in one run, and the ratio of the wall times. Each run reads a fresh
# copy of the file (state marks are by path), so every run publishes every story.
# Times include the JVM start and the read of the state topic; the CPU seconds (user + system, all
# threads) are printed too, which other jobs on the machine disturb less than the wall time.
#   bench/exactly-once.sh [-n FIRST_N_LINES] [-r RUNS] [extra options for both, e.g. -D ingest.commit.interval.ms=100]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="${WIRESTREAM_REUTERS:-$root/../shared/corpora/news/reuters21578.jsonl}"
lines=""
runs=3
port="${EXACTLY_ONCE_PORT:-19392}"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) lines="${2:?-n needs a number of lines}"; shift 2 ;;
    -r) runs="${2:?-r needs a number of runs}"; shift 2 ;;
    *) break ;;
  esac
done
[ -f "$input" ] || { echo "exactly-once: $input not found (set WIRESTREAM_REUTERS)" >&2; exit 2; }
work="$(mktemp -d)"
broker_pid=""
cleanup() {
  [ -z "$broker_pid" ] || kill "$broker_pid" 2>/dev/null || true
  [ -z "$broker_pid" ] || wait "$broker_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
stories="$work/reuters.jsonl"
if [ -n "$lines" ]; then head -n "$lines" "$input" >"$stories"; else cp "$input" "$stories"; fi
count=$(grep -c . "$stories")
"$root/wirestream" --version >/dev/null   # build outside the timed runs

"$root/wirestream" broker --data-dir "$work/broker" --port "$port" >"$work/broker.log" 2>&1 &
broker_pid=$!
for _ in $(seq 1 120); do
  grep -q "bootstrap.servers=" "$work/broker.log" && break
  kill -0 "$broker_pid" 2>/dev/null || { cat "$work/broker.log" >&2; exit 1; }
  sleep 0.5
done
boot="127.0.0.1:$port"

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }
cpu_of() {
  local before after
  before=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  "$@"
  after=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  echo "scale=1; ($after - $before) / $(getconf CLK_TCK)" | bc >"$work/cpu"
}
median() {
  printf '%s\n' "$@" | sort -g | awk '{r[NR] = $1} END {print (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2}'
}
# ingest_run MODE RUN: publishes a fresh copy; leaves wall and CPU seconds in wall and cpu.
ingest_run() {
  local copy="$work/$1-$2.jsonl" start
  cp "$stories" "$copy"
  start=$(now)
  cpu_of "$root/wirestream" ingest -b "$boot" --once -D http.port=-1 \
    -D "ingest.exactly.once=$1" "${options[@]}" "$copy" >"$work/out" 2>"$work/err"
  wall=$(echo "$(now) - $start" | bc)
  cpu=$(cat "$work/cpu")
  grep -q "published $count," "$work/out" || { cat "$work/out" "$work/err" >&2; echo "exactly-once: not every story published" >&2; exit 1; }
}
options=("$@")
ratios=()
cpu_ratios=()
for run in $(seq 1 "$runs"); do
  load_before=$(load)
  # Alternate which goes first, so that a trend in the machine's load favours neither.
  if [ $((run % 2)) -eq 1 ]; then order=(true false); else order=(false true); fi
  for mode in "${order[@]}"; do
    ingest_run "$mode" "$run"
    if [ "$mode" = true ]; then on=$wall on_cpu=$cpu; else off=$wall off_cpu=$cpu; fi
  done
  ratio=$(echo "$on / $off" | bc -l)
  cpu_ratio=$(echo "$on_cpu / $off_cpu" | bc -l)
  ratios+=("$ratio")
  cpu_ratios+=("$cpu_ratio")
  printf 'run %d, %d stories: exactly once %.1f s (CPU %.1f s, %.0f stories/s); at least once %.1f s (CPU %.1f s, %.0f stories/s); ratio wall %.2f, CPU %.2f; load average %s, then %s\n' \
    "$run" "$count" "$on" "$on_cpu" "$(echo "$count / $on" | bc -l)" "$off" "$off_cpu" "$(echo "$count / $off" | bc -l)" \
    "$ratio" "$cpu_ratio" "$load_before" "$(load)"
done
printf 'median exactly once / at least once over %d runs: wall %.2f, CPU %.2f\n' "$runs" \
  "$(median "${ratios[@]}")" "$(median "${cpu_ratios[@]}")"
