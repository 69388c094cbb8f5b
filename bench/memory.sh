#!/usr/bin/env bash
# Memory under load (prints numbers and appends them to BENCHMARKS.md; not a test): starts the
# server as the README's first command does (no JVM options), samples its resident memory
# (/proc/PID/status VmRSS, and the high-water mark VmHWM) at rest, under a flood of 64 connections
# on /doc/rcep for FLOOD seconds (curl --parallel), and after the hostile queries of
# HostileQueriesIT (8 at once, twice over); then again, after REST seconds of quiet. JAVA_OPTS, if
# set, goes before -jar (for the public-deployment command of the README).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-3098}
FLOOD=${FLOOD:-15}
REST=${REST:-30}
OUT=${OUT:-BENCHMARKS.md}
[ -f target/dgov-kg.jar ] || mvn -q -B -DskipTests package
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar target/dgov-kg.jar serve --localhost --port "$PORT" > target/memory-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until grep -q "ready at" target/memory-server.log; do
  sleep 0.5; kill -0 $SERVER 2>/dev/null || { cat target/memory-server.log; exit 1; }
done
URL="http://localhost:$PORT"
rss() { awk '/VmRSS/{print int($2/1024)}' /proc/$SERVER/status; }
hwm() { awk '/VmHWM/{print int($2/1024)}' /proc/$SERVER/status; }
curl -s -o /dev/null "$URL/doc/rcep"
rest=$(rss)

peak=0
timeout "$FLOOD" curl -s -Z --parallel-max 64 -o /dev/null -w '%{stderr}%{http_code}\n' \
  "$URL/doc/rcep?n=[1-2000000]" 2> target/memory-flood.codes &
FLOODER=$!
while kill -0 $FLOODER 2>/dev/null; do
  r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.5
done
wait $FLOODER 2>/dev/null || true
answered=$(grep -c '^200$' target/memory-flood.codes || true)
after_flood=$(rss)

hostile=(
  'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }'
  'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }'
  'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f'
  'SELECT ?a ?z WHERE { ?a (!<urn:x:none>)* ?z . ?c ?d ?e }'
  'DESCRIBE ?s WHERE { ?s ?p ?o }'
  'SELECT * WHERE { ?s ?p ?o FILTER REGEX("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "^(a+)+$") }'
  'SELECT * WHERE { BIND(REPLACE("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "(x|x)*y", "") AS ?r) }'
  'SELECT * WHERE { ?s ?p ?o } ORDER BY ?o ?p ?s'
)
for round in 1 2; do
  attackers=()
  for q in "${hostile[@]}"; do
    curl -s -o /dev/null --max-time 30 "$URL/dgov/sparql" --data-urlencode "query=$q" &
    attackers+=($!)
  done
  while for a in "${attackers[@]}"; do kill -0 "$a" 2>/dev/null && break; done; do
    r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.5
  done
  wait "${attackers[@]}" 2>/dev/null || true
done
after_attacks=$(rss)
sleep "$REST"
rested=$(rss)
high=$(hwm)
heap=$(java ${JAVA_OPTS:-} -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize /{print int($4/1048576)}')

line="| $(date -u +%Y-%m-%d) | \`java ${JAVA_OPTS:+$JAVA_OPTS }-jar … serve\` | ${heap} MB | ${rest} MB | ${peak} MB ($answered pages in ${FLOOD} s) | ${after_flood} MB | ${after_attacks} MB | ${rested} MB | ${high} MB |"
machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
header="| date | started as | max heap | RSS at rest | peak RSS, 64-connection flood on /doc/rcep | after the flood | after 16 hostile queries | ${REST} s later | VmHWM |"
echo "machine: $machine"; echo "$header"; echo "$line"
if ! grep -q '^## Memory' "$OUT"; then
  printf '\n## Memory\n\nResident memory of the server process (bench/memory.sh; %s).\n\n%s\n|---|---|---|---|---|---|---|---|---|\n' \
    "$machine" "$header" >> "$OUT"
fi
echo "$line" >> "$OUT"
