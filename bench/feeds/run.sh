#!/usr/bin/env bash
# Feed polling at scale (docs/benchmarks.md): FEEDS synthetic feeds of 20 items on HOSTS loopback
# addresses (127.0.1.1...), polled twice by the whole feed path with -Xmx256m; the feed servers and
# the Kafka broker run in a second process so that the poller's heap and CPU are measured alone.
# Extra arguments are Wirestream settings, e.g. ingest.feed.fetch.threads=32.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
hosts="${HOSTS:-200}"
feeds="${FEEDS:-10000}"
jar="$root/bench/target/benchmarks.jar"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl bench -am package) >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
coproc FARM {
  exec java -Xmx1g -Dsun.net.httpserver.nodelay=true -cp "$jar" \
    io.wirestream.bench.feeds.FeedFarm "$hosts" "$feeds" "$work/kafka" 2>"$work/farm.log"
}
farm_pid=$FARM_PID
read -r -t 120 ready port bootstrap <&"${FARM[0]}" || { cat "$work/farm.log" >&2; exit 1; }
[ "$ready" = READY ] || { echo "feed farm did not start" >&2; exit 1; }
status=0
timeout 600 java -Xmx256m -cp "$jar" \
  io.wirestream.bench.feeds.FeedPollingBenchmark "$hosts" "$feeds" "$port" "$bootstrap" "$@" \
  || status=$?
eval "exec ${FARM[1]}>&-"
wait "$farm_pid" || true
tail -n 1 "$work/farm.log" >&2
exit "$status"
