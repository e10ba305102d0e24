# Helpers of the fault suite (sourced by bench/faults/run.sh): processes, probes, result blocks.
# Every process runs on this machine and talks to 127.0.0.1 only.

OUT="${FAULTS_OUT:-$root/target/faults}"
RESULTS="$OUT/results.md"
JAR="$root/cli/target/wirestream.jar"
BENCH="$root/bench/target/benchmarks.jar"
PORT="${FAULTS_PORT:-29092}"
BOOT="127.0.0.1:$PORT"
STORIES="${FAULTS_STORIES:-3000}"
# The shared data sits next to the main checkout, or two levels up from a worktree under wt/.
CORPUS="${WIRESTREAM_REUTERS:-$root/../shared/corpora/news/reuters21578.jsonl}"
[ -f "$CORPUS" ] || [ -n "${WIRESTREAM_REUTERS:-}" ] || CORPUS="$root/../../shared/corpora/news/reuters21578.jsonl"
INPUT="$OUT/input/reuters-$STORIES.jsonl"
PG_BASE='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
PG_SCHEMA=wirestream_faults
# Waits are bounded: no scenario step waits longer than this for the pipeline to finish.
STEP_TIMEOUT="${FAULTS_STEP_TIMEOUT:-600}"
# A wait for stored rows gives up when the count has not moved for this long (records lost).
STALL_S="${FAULTS_STALL_S:-150}"
# A service back after a fault must make progress within this long (JVM start included).
MAX_RESUME_S="${FAULTS_MAX_RESUME_S:-30}"
# Heap of ingest (-Xmx); enrich gets 1g, the sink 512m.
INGEST_HEAP="${FAULTS_INGEST_HEAP:-512m}"
# Seconds between two files dropped into the folder ingest --follow watches.
FEED_INTERVAL="${FAULTS_FEED_INTERVAL:-2}"

declare -A PID=()
MEASURES=()
VIOLATIONS=()
NOTES=()
EXTRA=()
# Several services share this host: each operations endpoint takes a free port on loopback.
OPS=(-D http.port=-1 -D http.host=127.0.0.1)

now_ms() { date +%s%3N; }
# The last commit that changed the pipeline's code: the clean run stays valid until it changes.
pipeline_commit() { git -C "$root" log -1 --format=%H -- common ingest enrich sink cli broker 2>/dev/null; }
# Articles per second for N articles stored between two elapsed times in milliseconds.
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", (n - 1) * 1000 / ((b - a) > 0 ? (b - a) : 1) }'; }
secs() { awk -v ms="${1:--1}" 'BEGIN { if (ms < 0) print "n/a"; else printf "%.1f s", ms / 1000 }'; }

log() { echo "[$(date -u +%H:%M:%S)] $SCEN: $*" | tee -a "$W/actions.log" >&2; }
measure() { MEASURES+=("| $1 | $2 |"); log "$1: $2"; }
violate() { VIOLATIONS+=("$1"); log "VIOLATION: $1"; }
note() { NOTES+=("$1"); log "note: $1"; }
# inconclusive REASON: the fault did not hit what it was meant to; the run proves nothing.
inconclusive() { INCONCLUSIVE=1; NOTES+=("Inconclusive: $1."); log "INCONCLUSIVE: $1"; }

probe() { java -Xmx256m -cp "$BENCH" io.wirestream.bench.faults.FaultProbe "$@" 2>>"$W/probe.log"; }

# spawn NAME CMD...: runs CMD in the background, output to $W/NAME.log.
spawn() {
  local name="$1"
  shift
  "$@" >>"$W/$name.log" 2>&1 &
  PID[$name]=$!
  log "started $name (pid ${PID[$name]}): ${*:3}"
}

wirestream() {
  local name="$1" heap="$2"
  shift 2
  spawn "$name" java "-Xmx$heap" -jar "$JAR" "$@"
}

alive() { [ -n "${PID[$1]:-}" ] && kill -0 "${PID[$1]}" 2>/dev/null; }

# kill9 NAME: SIGKILL, then wait until the process is gone so its ports and locks are free.
kill9() {
  local pid="${PID[$1]}"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  log "killed $1 with kill -9 (pid $pid)"
}

# stop NAME: SIGTERM, SIGKILL after 40 s.
stop() {
  local pid="${PID[$1]:-}" i
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 400); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
  unset "PID[$1]"
}

stop_all() {
  local name
  # Services first, the broker last, so that they can commit on their way out.
  for name in "${!PID[@]}"; do [ "$name" = broker ] || stop "$name"; done
  stop broker
}

# wait_exit NAME: waits for a process to end and keeps its exit code for exit_code.
declare -A EXIT=()
wait_exit() {
  wait "${PID[$1]}" 2>/dev/null
  EXIT[$1]=$?
}

# exit_code NAME: the exit code of a process that has ended.
exit_code() {
  [ -n "${EXIT[$1]:-}" ] || wait_exit "$1"
  echo "${EXIT[$1]}"
}

broker_start() {
  local t0 i
  t0=$(now_ms)
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    violate "port $PORT is taken by another process; set FAULTS_PORT"
    return 1
  fi
  # A restart gets a fresh log, so that readiness is read from this start's output only.
  [ -f "$W/broker.log" ] && mv "$W/broker.log" "$W/broker-until-$(date -u +%H%M%S).log"
  spawn broker java -Xmx1g -jar "$JAR" broker --data-dir "$W/broker-data" --port "$PORT"
  for i in $(seq 1 1200); do
    grep -q '^bootstrap.servers=' "$W/broker.log" 2>/dev/null && break
    alive broker || break
    sleep 0.1
  done
  if ! grep -q '^bootstrap.servers=' "$W/broker.log"; then
    violate "broker did not start (see $W/broker.log)"
    return 1
  fi
  BROKER_START_MS=$(($(now_ms) - t0))
  log "broker serving at $BOOT after $(secs "$BROKER_START_MS")"
}

# Each instance has a stable name, as the README advises, so a restarted one takes its partitions
# back as a static group member instead of waiting for its old session to expire.
start_enrich() {
  wirestream "$1" 1g enrich -b "$BOOT" -D "enrich.state.dir=$W/state-$1" -D "enrich.instance.id=$1" "${OPS[@]}" "${EXTRA[@]}"
}
start_sink() { wirestream "$1" 512m sink -b "$BOOT" --store "$2" -D "sink.instance.id=$1" "${OPS[@]}" "${EXTRA[@]}"; }
start_ingest() {
  local name="$1"
  shift
  wirestream "$name" "$INGEST_HEAP" ingest -b "$BOOT" "${OPS[@]}" "${EXTRA[@]}" "$@"
}

rows() { probe count --store "$1"; }
raw_end() { probe end-offsets --bootstrap "$BOOT" --topic news.raw; }

# wait_rows STORE AT_LEAST SINCE_MS [TIMEOUT]: prints ms from SINCE_MS until the store had AT_LEAST
# articles, or -1 after TIMEOUT or once the count has not moved for STALL_S.
wait_rows() { probe wait-rows --store "$1" --at-least "$2" --since "$3" --timeout "${4:-$STEP_TIMEOUT}" --stall "$STALL_S"; }

# drained GROUP TOPIC: waits until GROUP has committed up to TOPIC's current end.
drained() {
  local end ms
  end=$(probe end-offsets --bootstrap "$BOOT" --topic "$2")
  if [ "${end:--1}" -lt 0 ]; then
    violate "could not read the end of $2, so cannot tell whether $1 drained it"
    return
  fi
  ms=$(probe wait-group --bootstrap "$BOOT" --group "$1" --at-least "$end" --timeout "$STEP_TIMEOUT" --stall "$STALL_S")
  measure "$1 committed to the end of $2 ($end)" "$( [ "${ms:--1}" -ge 0 ] && secs "$ms" || echo "no: $(probe group-offsets --bootstrap "$BOOT" --group "$1")")"
}

# settle STORE: waits until the article count has not moved for 5 s; prints it.
settle() { probe wait-stable --store "$1" --quiet 5 --timeout 120; }

# census TOPIC VAR: sets VAR_records and VAR_distinct from a read-committed scan.
census() {
  local line
  line=$(probe census --bootstrap "$BOOT" --topic "$1")
  [ -n "$line" ] || line="records -1 distinct -1"
  eval "$2_records=$(echo "$line" | awk '{print $2}') $2_distinct=$(echo "$line" | awk '{print $4}')"
  measure "$1 records / distinct ids (read committed)" "$(echo "$line" | awk '{print $2 " / " $4}')"
}

# compare_store STORE: the store's fingerprint must equal the clean run's.
compare_store() {
  local table rows hash ref_rows ref_hash differs=()
  probe fingerprint --store "$1" >"$W/store.fingerprint"
  while read -r table rows hash; do
    [ "$table" = total ] && continue
    read -r ref_rows ref_hash < <(awk -v t="$table" '$1 == t { print $2, $3 }' "$OUT/reference.fingerprint")
    measure "rows in $table (clean run)" "$rows ($ref_rows)"
    [ "$hash" = "$ref_hash" ] || differs+=("$table")
  done <"$W/store.fingerprint"
  if [ "${#differs[@]}" -eq 0 ]; then
    measure "fingerprint equals the clean run's" "yes"
  else
    violate "store differs from the clean run in: ${differs[*]}"
  fi
}

# resumed LABEL MS: records a recovery time and holds it to MAX_RESUME_S.
resumed() {
  measure "$1" "$(secs "$2")"
  if [ "$2" -lt 0 ]; then
    violate "$1: no progress within ${STEP_TIMEOUT} s"
  elif [ "$2" -gt $((MAX_RESUME_S * 1000)) ]; then
    violate "$1 took $(secs "$2"), more than the ${MAX_RESUME_S} s allowed"
  fi
}

# check_alive NAME...: services must have stayed up by themselves.
check_alive() {
  local name
  for name in "$@"; do
    if alive "$name"; then
      measure "$name still running" "yes"
    else
      violate "$name exited with code $(exit_code "$name") and did not recover by itself (tail of log below)"
      NOTES+=("$name log tail: \`$(tail -3 "$W/$name.log" | tr '\n|`' '   ' | cut -c1-400)\`")
    fi
  done
}

begin() {
  SCEN="$1"
  DESC="$2"
  W="$OUT/runs/$SCEN-$(date -u +%Y%m%dT%H%M%S)"
  mkdir -p "$W"
  MEASURES=()
  VIOLATIONS=()
  NOTES=()
  EXTRA=()
  PID=()
  EXIT=()
  INCONCLUSIVE=0
  SCEN_T0=$(date +%s)
  log "begin: $DESC"
}

# finish: stops what the scenario started, appends its markdown block; returns 1 on a violation.
finish() {
  local status commit v m n
  stop_all
  commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if ! git -C "$root" diff --quiet HEAD 2>/dev/null; then commit="$commit+uncommitted"; fi
  status=PASS
  [ "${#VIOLATIONS[@]}" -gt 0 ] && status=FAIL
  [ "$status" = PASS ] && [ "${INCONCLUSIVE:-0}" = 1 ] && status=INCONCLUSIVE
  [ "${SKIPPED:-0}" = 1 ] && status=SKIPPED
  {
    echo
    echo "### $SCEN: $status"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC on commit \`$commit\`, $(nproc) cores," \
      "$((($(date +%s) - SCEN_T0))) s in all. $DESC"
    echo
    echo "| measure | value |"
    echo "|---|---|"
    for m in "${MEASURES[@]}"; do echo "$m"; done
    echo
    if [ "${#VIOLATIONS[@]}" -eq 0 ]; then
      echo "Violations: none."
    else
      echo "Violations:"
      for v in "${VIOLATIONS[@]}"; do echo "- $v"; done
    fi
    for n in "${NOTES[@]}"; do
      echo
      echo "$n"
    done
    echo
    echo "Logs: \`${W#"$root"/}\`"
  } | tee -a "$RESULTS" >"$W/result.md"
  echo "| $SCEN | $status | $(date -u '+%Y-%m-%d %H:%M') | \`$commit\` |" >>"$OUT/summary.md"
  log "end: $status"
  [ "$status" = PASS ]
}
