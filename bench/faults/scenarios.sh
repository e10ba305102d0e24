# The fault scenarios (sourced by bench/faults/run.sh). Each begins, runs the pipeline with one
# fault, measures, and finishes with a result block.

sqlite_store() { echo "jdbc:sqlite:$W/store.db"; }
reference_rows() { awk '$1 == "articles" { print $2 }' "$OUT/reference.fingerprint"; }

# The pipeline without a fault: what every other scenario's store must equal.
scenario_reference() {
  begin reference "Clean run: broker, enrich, sink (SQLite) and ingest of the first $STORIES Reuters stories, no fault."
  local store t0 ms first published
  store=$(sqlite_store)
  broker_start || { finish; return 1; }
  t0=$(now_ms)
  start_enrich enrich
  start_sink sink "$store"
  start_ingest ingest "$INPUT"
  wait_exit ingest
  published=$(grep -o 'published [0-9]*' "$W/ingest.log" | awk '{print $2}')
  measure "ingest: $(grep -o 'files .*' "$W/ingest.log" | tail -1)" "exit $(exit_code ingest)"
  census news.raw raw
  first=$(wait_rows "$store" 1 "$t0")
  ms=$(wait_rows "$store" "$raw_distinct" "$t0")
  measure "start → all $raw_distinct stored" "$(secs "$ms")"
  [ "$ms" -ge 0 ] || violate "only $(rows "$store") of $raw_distinct articles stored"
  # The pace once the pipeline is warm: what the hostile scenario holds itself to.
  rate "$raw_distinct" "$first" "$ms" >"$OUT/reference.rate"
  measure "pace from the first stored row to the last" "$(cat "$OUT/reference.rate") articles/s"
  settle "$store" >/dev/null
  census news.enriched enriched
  census news.dlq dlq
  [ "${published:-0}" -gt 0 ] || violate "ingest published nothing"
  probe fingerprint --store "$store" >"$W/store.fingerprint"
  cp "$W/store.fingerprint" "$OUT/reference.fingerprint"
  pipeline_commit >"$OUT/reference.commit"
  while read -r table rows _; do [ "$table" = total ] || measure "rows in $table" "$rows"; done <"$W/store.fingerprint"
  finish
}

# kill -9 of one service mid-stream, restarted: the store must equal the clean run's.
scenario_kill() {
  local victim="$1" store ref t0 ms at_kill raw_at_kill stable
  begin "kill-$victim" "kill -9 of $victim mid-stream over $STORIES Reuters stories (enrich, sink to SQLite, ingest running), then $victim restarted with the same arguments."
  store=$(sqlite_store)
  ref=$(reference_rows)
  broker_start || { finish; return 1; }
  start_enrich enrich
  start_sink sink "$store"
  start_ingest ingest "$INPUT"
  if [ "$victim" = ingest ]; then
    # Publishing takes seconds; kill as soon as a tenth of the stories is in news.raw.
    probe wait-topic --bootstrap "$BOOT" --topic news.raw --at-least $((ref / 10)) --timeout 300 >/dev/null
    alive ingest || inconclusive "ingest had already finished when the kill came: not mid-stream"
  else
    wait_rows "$store" $((ref / 3)) "$(now_ms)" 300 >/dev/null
  fi
  kill9 "$victim"
  at_kill=$(rows "$store")
  raw_at_kill=$(raw_end)
  measure "at the kill: stored articles / news.raw end offsets" "$at_kill / $raw_at_kill"
  [ "$at_kill" -lt "$ref" ] || inconclusive "every article was stored before the kill"
  if [ "$victim" = ingest ]; then
    [ "$raw_at_kill" -lt "$ref" ] || inconclusive "news.raw already held every story at the kill"
  fi
  # What was in flight downstream drains first, so that a new row after the restart is the
  # restarted service's doing.
  if [ "$victim" != sink ]; then
    stable=$(settle "$store")
    measure "stored articles after draining, before the restart" "$stable"
  else
    stable=$at_kill
  fi
  t0=$(now_ms)
  if [ "$victim" = ingest ]; then
    start_ingest ingest "$INPUT"
    ms=$(probe wait-topic --bootstrap "$BOOT" --topic news.raw --at-least $((raw_at_kill + 1)) --since "$t0" --timeout 300)
    resumed "restart → first record published to news.raw" "$ms"
  elif [ "$victim" = enrich ]; then
    start_enrich enrich
  else
    start_sink sink "$store"
  fi
  if [ "$stable" -lt "$ref" ]; then
    ms=$(wait_rows "$store" $((stable + 1)) "$t0")
    resumed "restart → first new stored row" "$ms"
  fi
  ms=$(wait_rows "$store" "$ref" "$t0")
  measure "restart → all $ref stored" "$(secs "$ms")"
  [ "$ms" -ge 0 ] || violate "lost: only $(rows "$store") of $ref articles stored (no progress for ${STALL_S} s or ${STEP_TIMEOUT} s in all)"
  settle "$store" >/dev/null
  compare_store "$store"
  census news.raw raw
  census news.enriched enriched
  if [ "$victim" = ingest ]; then
    note "The restarted ingest resumes after the last record its killed predecessor committed (ingest.exactly.once): news.raw must hold each story once."
  fi
  [ "$raw_records" -eq "$raw_distinct" ] || violate "news.raw holds $((raw_records - raw_distinct)) doubled records"
  [ "$enriched_records" -eq "$enriched_distinct" ] ||
    violate "news.enriched holds $((enriched_records - enriched_distinct)) doubled records (exactly-once)"
  check_alive enrich sink
  finish
}
scenario_kill_ingest() { scenario_kill ingest; }
scenario_kill_enrich() { scenario_kill enrich; }
scenario_kill_sink() { scenario_kill sink; }

# The broker killed with kill -9 and restarted on its data after an outage, while ingest --follow
# receives files; the services are not touched and must recover by themselves.
scenario_broker() {
  local outage="$1" store ref t0 ms at_kill at_back files
  begin "broker-${outage}s" "Broker killed with kill -9 and restarted on the same data dir and port after ${outage} s, under ingest --follow (a folder receiving $((STORIES / 100)) files of 100 stories, one every $FEED_INTERVAL s, during the run), enrich and sink (SQLite). The services were not restarted."
  store=$(sqlite_store)
  ref=$(reference_rows)
  mkdir -p "$W/chunks" "$W/inbox"
  split -l 100 -d -a 3 --additional-suffix=.jsonl "$INPUT" "$W/chunks/part-"
  files=$(ls "$W/chunks" | wc -l)
  broker_start || { finish; return 1; }
  start_enrich enrich
  start_sink sink "$store"
  start_ingest ingest --follow "$W/inbox"
  # mv within one file system is atomic: ingest never sees a half-written file.
  spawn feeder bash -c "for f in '$W'/chunks/*.jsonl; do mv \"\$f\" '$W/inbox/'; sleep $FEED_INTERVAL; done"
  wait_rows "$store" 300 "$(now_ms)" 300 >/dev/null
  kill9 broker
  at_kill=$(rows "$store")
  measure "at the kill: stored articles / files delivered to the folder" "$at_kill / $(ls "$W/inbox" | wc -l) of $files"
  sleep "$outage"
  measure "during the outage: stored articles / files delivered" "$(rows "$store") / $(ls "$W/inbox" | wc -l)"
  check_alive ingest enrich sink
  t0=$(now_ms)
  broker_start || { finish; return 1; }
  measure "broker restart → serving (log recovery)" "$(secs "$BROKER_START_MS")"
  at_back=$(rows "$store")
  if [ "$at_back" -lt "$ref" ]; then
    ms=$(wait_rows "$store" $((at_back + 1)) "$t0")
    measure "broker restart → first new stored row" "$(secs "$ms")"
    [ "$ms" -ge 0 ] && ms=$((ms - BROKER_START_MS))
    resumed "broker serving → first new stored row (the services' own recovery)" "$ms"
  else
    inconclusive "every article was stored before the broker came back"
  fi
  wait "${PID[feeder]}" 2>/dev/null
  ms=$(wait_rows "$store" "$ref" "$t0")
  measure "broker restart → all $ref stored" "$(secs "$ms")"
  [ "$ms" -ge 0 ] || violate "lost: only $(rows "$store") of $ref articles stored after the restart (no progress for ${STALL_S} s or ${STEP_TIMEOUT} s in all)"
  settle "$store" >/dev/null
  compare_store "$store"
  census news.raw raw
  census news.enriched enriched
  [ "$raw_distinct" -eq "$ref" ] || violate "news.raw holds $raw_distinct of $ref stories: ingest lost $((ref - raw_distinct))"
  [ "$raw_records" -eq "$raw_distinct" ] || violate "news.raw holds $((raw_records - raw_distinct)) doubled records"
  [ "$enriched_records" -eq "$enriched_distinct" ] ||
    violate "news.enriched holds $((enriched_records - enriched_distinct)) doubled records (exactly-once)"
  measure "ingest 'rejected' / error lines in its log" "$(grep -c '^rejected' "$W/ingest.log") / $(grep -c -E ' (ERROR|WARN) ' "$W/ingest.log")"
  check_alive ingest enrich sink
  finish
}
scenario_broker_30s() { scenario_broker 30; }
scenario_broker_300s() { scenario_broker 300; }

pg_cluster() { pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main "$1"; }
pg_start() { pg_cluster start && PG_STOPPED=0; }

# PostgreSQL stopped for 30 s under the sink: it must retry, lose and double nothing, and keep
# article text out of its log.
scenario_postgres_30s() {
  local store ref t0 ms at_stop committed samples leaked
  begin postgres-30s "PostgreSQL stopped (pg_ctlcluster stop) for 30 s under the sink writing to schema $PG_SCHEMA of database test, then started again; the sink was not restarted."
  store="$PG_BASE&currentSchema=$PG_SCHEMA"
  ref=$(reference_rows)
  probe reset-schema --store "$PG_BASE" --schema "$PG_SCHEMA" || { violate "cannot reach PostgreSQL at 127.0.0.1:5432"; finish; return 1; }
  broker_start || { finish; return 1; }
  start_enrich enrich
  start_sink sink "$store"
  start_ingest ingest "$INPUT"
  # Early, so that enrich keeps producing during the outage and the sink has a backlog after it.
  wait_rows "$store" $((ref / 10)) "$(now_ms)" 300 >/dev/null
  at_stop=$(rows "$store")
  measure "stored articles just before the stop" "$at_stop"
  PG_STOPPED=1
  pg_cluster stop
  log "stopped PostgreSQL"
  # The sink commits its offsets only after a write, so they mark its progress with the store down.
  committed=$(probe group-offsets --bootstrap "$BOOT" --group wirestream-sink)
  [ -n "$committed" ] || committed=-1
  measure "sink's committed offsets on news.enriched once PostgreSQL was down" "$committed"
  sleep 30
  check_alive sink
  t0=$(now_ms)
  pg_start
  log "started PostgreSQL"
  if [ "$at_stop" -lt "$ref" ] && [ "$committed" -ge 0 ]; then
    ms=$(probe wait-group --bootstrap "$BOOT" --group wirestream-sink --at-least $((committed + 1)) --since "$t0" --timeout "$STEP_TIMEOUT")
    resumed "PostgreSQL start → first new batch written and committed by the sink" "$ms"
  elif [ "$committed" -lt 0 ]; then
    inconclusive "the sink's committed offsets could not be read (see probe.log)"
  else
    inconclusive "the sink had written every article before PostgreSQL stopped"
  fi
  ms=$(wait_rows "$store" "$ref" "$t0")
  measure "PostgreSQL start → all $ref stored" "$(secs "$ms")"
  [ "$ms" -ge 0 ] || violate "lost: only $(rows "$store") of $ref articles stored (no progress for ${STALL_S} s or ${STEP_TIMEOUT} s in all)"
  settle "$store" >/dev/null
  compare_store "$store"
  measure "sink log lines about failed writes / retries" "$(grep -c -i -E 'write failed|attempt [0-9]|pausing|retr|backoff|back off' "$W/sink.log")"
  # Up to three paragraph openings of every story: none of them may show up in the sink's log.
  python3 -c '
import json, sys
for line in open(sys.argv[1]):
    paragraphs = [p.strip() for p in json.loads(line).get("body", "").split("\n") if len(p.strip()) > 50]
    for p in paragraphs[:3]:
        print(p[:50])
' "$INPUT" >"$W/body-samples.txt"
  samples=$(wc -l <"$W/body-samples.txt")
  leaked=$(grep -c -F -f "$W/body-samples.txt" "$W/sink.log")
  measure "sink log lines containing one of $samples paragraph openings of the stories" "$leaked"
  if [ "$leaked" -gt 0 ]; then
    NOTES+=("First sink log line with article text (cut): \`$(grep -m1 -F -f "$W/body-samples.txt" "$W/sink.log" | tr '|`' '  ' | cut -c1-200)\`")
  fi
  [ "$leaked" -eq 0 ] || violate "article text in the sink's log ($leaked lines)"
  check_alive enrich sink
  finish
}

# Hostile inputs from HostileInputs, checked by HostileCheck (both in the bench jar).
scenario_hostile() {
  local store rc
  begin hostile "Hostile inputs written by HostileInputs, ingested with the services, checked by HostileCheck against the store, the topics and ingest's log."
  store=$(sqlite_store)
  if ! unzip -l "$BENCH" io/wirestream/bench/faults/HostileCheck.class >/dev/null 2>&1; then
    SKIPPED=1
    note "Not run: io.wirestream.bench.faults.HostileInputs / HostileCheck are not in bench/target/benchmarks.jar."
    finish
    return 0
  fi
  java -Xmx512m -cp "$BENCH" io.wirestream.bench.faults.HostileInputs --out "$W/hostile" >"$W/hostile-inputs.log" 2>&1 ||
    { violate "HostileInputs failed (see hostile-inputs.log)"; finish; return 1; }
  # The manifest describes the inputs; it is not one of them.
  mv "$W/hostile/manifest.jsonl" "$W/hostile-manifest.jsonl"
  measure "hostile input files / manifest entries" "$(find "$W/hostile" -type f | wc -l) / $(wc -l <"$W/hostile-manifest.jsonl")"
  broker_start || { finish; return 1; }
  start_enrich enrich
  start_sink sink "$store"
  start_ingest ingest "$W/hostile"
  wait_exit ingest
  measure "ingest (heap $INGEST_HEAP): $(grep -o 'files .*' "$W/ingest.log" | tail -1)" "exit $(exit_code ingest)"
  if grep -q 'OutOfMemoryError' "$W/ingest.log"; then
    violate "ingest ran out of memory (-Xmx$INGEST_HEAP) on the hostile inputs"
  fi
  # Done when enrich has committed past the end of news.raw and the sink past that of
  # news.enriched; hostile inputs can take enrich long, so only a stall of STALL_S gives up.
  drained wirestream-enrich news.raw
  drained wirestream-sink news.enriched
  measure "stored articles once drained" "$(rows "$store")"
  java -Xmx512m -cp "$BENCH" io.wirestream.bench.faults.HostileCheck --manifest "$W/hostile-manifest.jsonl" \
    --store "$store" --bootstrap "$BOOT" --ingest-log "$W/ingest.log" --timeout 120 >"$W/hostile-check.log" 2>&1
  rc=$?
  measure "HostileCheck exit code" "$rc"
  NOTES+=("HostileCheck said (last lines): \`$(tail -5 "$W/hostile-check.log" | tr '\n|`' '   ' | cut -c1-600)\`")
  [ "$rc" -eq 0 ] || violate "HostileCheck found violations (see hostile-check.log)"
  # Normal articles after the hostile ones go through the same services as fast as in the clean
  # run: nothing the hostile inputs left behind (a stuck thread, a full heap) slows them down.
  local base t1 first ms pace ref_pace
  base=$(rows "$store")
  # The same stories under new ids: some of them may be among the controls already stored.
  sed 's/^{"id":"/{"id":"after-/' "$INPUT" >"$W/after.jsonl"
  t1=$(now_ms)
  start_ingest ingest-after "$W/after.jsonl"
  first=$(wait_rows "$store" $((base + 1)) "$t1")
  ms=$(wait_rows "$store" $((base + STORIES)) "$t1")
  if [ "$ms" -lt 0 ]; then
    violate "after the hostile inputs only $(($(rows "$store") - base)) of $STORIES stories were stored"
  else
    pace=$(rate "$STORIES" "$first" "$ms")
    ref_pace=$(cat "$OUT/reference.rate")
    measure "pace of $STORIES stories after the hostile inputs (clean run)" "$pace articles/s ($ref_pace)"
    if awk -v p="$pace" -v r="$ref_pace" 'BEGIN { exit !(p < 0.7 * r) }'; then
      violate "after the hostile inputs the pace fell to $pace articles/s, below 0.7 × the clean run's $ref_pace"
    fi
  fi
  check_alive enrich sink
  finish
}

# Two enrich and two sink instances on 6 partitions; one of each killed with kill -9 mid-way and
# not restarted: the survivors must take over and store everything exactly once.
scenario_scale_out() {
  local store ref t0 ms at_kill
  begin scale-out "Two enrich and two sink instances (same application id and group) on 6-partition topics; one enrich and one sink killed with kill -9 mid-way and not restarted."
  store=$(sqlite_store)
  ref=$(reference_rows)
  EXTRA=(-D topic.partitions=6)
  broker_start || { finish; return 1; }
  start_enrich enrich-a
  start_enrich enrich-b
  start_sink sink-a "$store"
  start_sink sink-b "$store"
  start_ingest ingest "$INPUT"
  wait_rows "$store" $((ref / 3)) "$(now_ms)" 300 >/dev/null
  kill9 enrich-a
  kill9 sink-a
  t0=$(now_ms)
  at_kill=$(rows "$store")
  measure "at the kill: stored articles" "$at_kill"
  [ "$at_kill" -lt "$ref" ] || inconclusive "every article was stored before the kill"
  if [ "$at_kill" -lt "$ref" ]; then
    ms=$(wait_rows "$store" $((at_kill + 1)) "$t0")
    resumed "kill → first new stored row" "$ms"
  fi
  ms=$(wait_rows "$store" "$ref" "$t0")
  measure "kill → all $ref stored (survivors only)" "$(secs "$ms")"
  [ "$ms" -ge 0 ] || violate "lost: only $(rows "$store") of $ref articles stored (no progress for ${STALL_S} s or ${STEP_TIMEOUT} s in all)"
  settle "$store" >/dev/null
  compare_store "$store"
  census news.raw raw
  census news.enriched enriched
  [ "$raw_records" -eq "$raw_distinct" ] || violate "news.raw holds $((raw_records - raw_distinct)) doubled records"
  [ "$enriched_records" -eq "$enriched_distinct" ] ||
    violate "news.enriched holds $((enriched_records - enriched_distinct)) doubled records (exactly-once)"
  check_alive enrich-b sink-b
  finish
}
