#!/usr/bin/env bash
# Query latency at scale: loads synthetic articles (entities, canonical entities and dates with
# news-like skew) into SQLite and into PostgreSQL (schema wirestream_bench_query of database
# `test` on 127.0.0.1:5432), then prints p50/p95 of each `wirestream query` question.
#   bench/query/run.sh [ARTICLES=1000000] [RUNS=30]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
articles="${1:-1000000}"
runs="${2:-30}"
pg_server="${WIRESTREAM_BENCH_POSTGRES:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
schema=wirestream_bench_query
(cd "$root" && ./mvnw -B -ntp -q -o package -pl bench -am -Dmaven.test.skip=true -Dspotless.check.skip=true)
jar="$root/bench/target/benchmarks.jar"
db="$(mktemp -d)/query.db"
trap 'rm -rf "$(dirname "$db")"' EXIT
java -Xmx4g -cp "$jar" io.wirestream.bench.query.QueryLatency "jdbc:sqlite:$db" "$articles" "$runs"
echo "sqlite file: $(du -h "$db" | cut -f1)"
psql -q -h 127.0.0.1 -U postgres -d test \
  -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"
java -Xmx4g -cp "$jar" io.wirestream.bench.query.QueryLatency \
  "$pg_server&currentSchema=$schema" "$articles" "$runs"
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE"
