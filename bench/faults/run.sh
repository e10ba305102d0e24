#!/usr/bin/env bash
# The fault suite: runs `wirestream broker` and the services as separate processes on this machine,
# injects one fault per scenario and checks that nothing is lost or doubled.
#
#   bench/faults/run.sh [scenario...]      (default: all but broker-300s, which takes > 5 min)
#
# Scenarios: reference kill-ingest kill-enrich kill-sink broker-30s broker-300s postgres-30s
#            hostile scale-out
# Each prints what it did, the counts before and after and the recovery times, and appends a
# markdown block to target/faults/results.md. Exit code: 0 all passed, 1 a violation, 3 skipped or
# inconclusive (the fault came too late to hit anything).
# Settings: FAULTS_PORT (broker port, default 29092; the controller takes the next one),
# FAULTS_STORIES (default 3000), WIRESTREAM_REUTERS (the corpus), FAULTS_STEP_TIMEOUT (s, 600),
# FAULTS_MAX_RESUME_S (longest allowed time from a restart to progress, default 30 s),
# FAULTS_STALL_S (a wait gives up when the store has not grown for this long, default 150 s),
# FAULTS_FEED_INTERVAL (s between files dropped into the followed folder, default 2),
# FAULTS_INGEST_HEAP (-Xmx of ingest, default 512m).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bench/faults/lib.sh
. "$root/bench/faults/lib.sh"
# shellcheck source=bench/faults/scenarios.sh
. "$root/bench/faults/scenarios.sh"

ALL=(kill-ingest kill-enrich kill-sink broker-30s postgres-30s hostile scale-out)
KNOWN=(reference "${ALL[@]}" broker-300s)
[ "$#" -gt 0 ] || set -- "${ALL[@]}"
for s in "$@"; do
  [[ " ${KNOWN[*]} " == *" $s "* ]] || { echo "run.sh: unknown scenario '$s' (known: ${KNOWN[*]})" >&2; exit 2; }
done
[ -f "$CORPUS" ] || { echo "run.sh: corpus $CORPUS not found (set WIRESTREAM_REUTERS)" >&2; exit 2; }

mkdir -p "$OUT/input"
if [ ! -f "$JAR" ] || [ ! -f "$BENCH" ] || [ "${FAULTS_BUILD:-1}" = 1 ]; then
  echo "run.sh: building cli and bench jars..." >&2
  (cd "$root" && ./mvnw -B -ntp -o -q -DskipTests -pl cli,bench -am package) || exit 1
fi
[ -f "$INPUT" ] || head -n "$STORIES" "$CORPUS" >"$INPUT"

# Whatever happens, leave no process of ours running and PostgreSQL up.
trap 'stop_all; [ "${PG_STOPPED:-0}" = 1 ] && pg_start' EXIT
trap 'exit 130' INT TERM

[ -f "$OUT/summary.md" ] || printf '| scenario | result | measured | commit |\n|---|---|---|---|\n' >"$OUT/summary.md"
worst=0
for s in "$@"; do
  # The clean run is redone when the code changed since it was taken (a new model, a fix).
  if [ "$s" != reference ] && { [ ! -f "$OUT/reference.fingerprint" ] ||
    [ "$(cat "$OUT/reference.commit" 2>/dev/null)" != "$(pipeline_commit)" ]; }; then
    scenario_reference || { echo "run.sh: the clean run failed; nothing to compare with" >&2; exit 1; }
  fi
  SKIPPED=0
  "scenario_${s//-/_}"
  rc=$?
  if [ "$SKIPPED" = 1 ] || { [ "$rc" -ne 0 ] && [ "$INCONCLUSIVE" = 1 ] && [ "${#VIOLATIONS[@]}" -eq 0 ]; }; then
    [ "$worst" -eq 0 ] && worst=3
  elif [ "$rc" -ne 0 ]; then
    worst=1
  fi
done
echo "results: $RESULTS" >&2
exit "$worst"
