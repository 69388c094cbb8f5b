#!/usr/bin/env bash
# Against a plain Fuseki (prints numbers; not a test): the same jar's plain Fuseki main serving the
# same data (the curated graph with its RDFS closure, exported) with no additions, against our server,
# on the named queries sent as ad-hoc SPARQL, CONNECTIONS at a time (default 4, our query cap).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-4}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
mvn -q -B -DskipTests test-compile package
rm -rf target/peers && mkdir -p target/peers
java -jar target/dgov-kg.jar export --out target/peers > /dev/null
QUERIES=$(ls queries/*.rq)
run() { # name port path
  wrk -t2 -c"$CONNECTIONS" -d5s -s bench/adhoc-queries.lua "http://localhost:$2" -- "$3" $QUERIES > /dev/null
  printf '%s: ' "$1"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 15s -s bench/adhoc-queries.lua "http://localhost:$2" -- "$3" $QUERIES | tail -1
}
java -cp target/dgov-kg.jar:target/test-classes org.dgov.bench.PlainFuseki 3097 target/peers/dgov-inferred.ttl > target/peers/plain.log 2>&1 &
PLAIN=$!
java -jar target/dgov-kg.jar serve --localhost --port 3098 > target/peers/dgov.log 2>&1 &
OURS=$!
trap 'kill $PLAIN $OURS 2>/dev/null || true' EXIT
ready() { curl -sf -o /dev/null "http://localhost:$1?query=ASK%7B%7D"; }
for _ in $(seq 1 120); do ready 3097/plain/sparql && ready 3098/dgov/sparql && break; sleep 0.5; done
ready 3097/plain/sparql && ready 3098/dgov/sparql || { tail target/peers/*.log; exit 1; }
{
  echo
  echo "## Against a plain Fuseki"
  echo
  echo "Written by \`bench/peers.sh\` on $(date -u +%Y-%m-%d): the same jar's plain Fuseki main serving the same data (the curated"
  echo "graph with its RDFS closure) with no additions, against \`dgov-kg serve\`, on the $(echo $QUERIES | wc -w) named queries sent as"
  echo "ad-hoc SPARQL, $CONNECTIONS connections (our query cap), ${DURATION} s each, measured in the same run."
  echo
  echo '```'
  run "plain Fuseki main" 3097 /plain/sparql
  run "dgov-kg serve    " 3098 /dgov/sparql
  echo '```'
} | tee -a BENCHMARKS.md
