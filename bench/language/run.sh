#!/usr/bin/env bash
# Language detection on the web corpus (docs/benchmarks.md, "Language detection"): each candidate
# of io.wirestream.lab.lang.LanguageEvaluation in a JVM of its own, so that the heap its models take
# is counted (Lingua keeps loaded models in static fields). Accuracy against the gold languages of
# nlp-lab's web-languages.tsv, English-or-not routing, ms per page on one thread after a warm-up
# pass, on the gold bodies, the extracted bodies and title + first paragraph.
#   bench/language/run.sh [-v]      (-v lists every error)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpora="${WIRESTREAM_CORPORA:-$root/../shared/corpora}"
[ -f "$corpora/web/fundus-articles.jsonl" ] || { echo "language: $corpora/web not found (set WIRESTREAM_CORPORA)" >&2; exit 2; }
jar="$root/bench/target/benchmarks.jar"
(cd "$root" && ./mvnw -o -q -B -ntp -DskipTests -pl bench -am package) >&2
count=$(java -cp "$jar" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.wirestream.lab.lang.LanguageEvaluation "$corpora" count)
for i in opennlp $(seq 0 $((count - 1))); do
  java -Xmx2g -cp "$jar" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    io.wirestream.lab.lang.LanguageEvaluation "$corpora" "$i" "$@"
done
