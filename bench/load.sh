#!/usr/bin/env bash
# Load benchmark (prints numbers; not a test): a mix of the named queries with 64 connections for
# DURATION seconds, then the same with about 5 % pathological ad-hoc queries alongside.
# Needs Debian's wrk (apt-get install wrk) and a built jar (mvn -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-60}
PORT=${PORT:-3099}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
java -jar target/dgov-kg.jar serve --localhost --port "$PORT" > target/load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until grep -q "ready at" target/load-server.log; do sleep 0.5; kill -0 $SERVER || { cat target/load-server.log; exit 1; }; done
NAMES=$(ls queries/*.rq | xargs -n1 basename | sed 's/\.rq$//' | tr '\n' ' ')
URL="http://localhost:$PORT"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
wrk -t2 -c64 -d5s -s bench/named-queries.lua "$URL" -- $NAMES > /dev/null   # warm-up
echo "named queries, 64 connections, ${DURATION}s:"
wrk -t2 -c64 -d"${DURATION}s" --timeout 10s -s bench/named-queries.lua "$URL" -- $NAMES | tail -1
echo "named queries (60 connections) with pathological ad-hoc queries alongside (8 connections), ${DURATION}s:"
wrk -t1 -c8 -d"${DURATION}s" --timeout 15s -s bench/pathological.lua "$URL" | tail -1 &
PATHOLOGICAL=$!
wrk -t2 -c60 -d"${DURATION}s" --timeout 10s -s bench/named-queries.lua "$URL" -- $NAMES | tail -1
wait $PATHOLOGICAL
