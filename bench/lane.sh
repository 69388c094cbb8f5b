#!/usr/bin/env bash
# A cheap query while the lane is full (prints numbers and appends them to BENCHMARKS.md; not a
# test): the server as the README starts it (4 heavy slots, 2 per client), then ASK {} sent ASKS
# times in sequence from 127.0.0.1, first with the lane idle, then while two other clients
# (127.0.0.2 and 127.0.0.3, each holding its share of 2) keep cross products running in every heavy
# slot and a third (127.0.0.4) keeps sending more that are refused. Prints p50 and p99 of the ASK's
# latency and how many ASKs were not answered 200.
set -euo pipefail
cd "$(dirname "$0")/.."
ASKS=${ASKS:-300}
PORT=${PORT:-3199}
HEAVY='SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }'
mvn -q -B -DskipTests package
rm -rf target/lane && mkdir -p target/lane
java -jar target/dgov-kg.jar serve --localhost --port "$PORT" > target/lane/server.log 2>&1 &
server=$!
loops=()
trap 'kill "${loops[@]}" $server 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://localhost:$PORT/dgov/sparql?query=ASK%7B%7D"; do
  kill -0 $server 2>/dev/null || { tail target/lane/server.log >&2; exit 1; }
  sleep 0.1
done
# ASKS sequential ASK {}; one line per ask: status seconds
asks() {
  for _ in $(seq 1 "$ASKS"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --interface 127.0.0.1 \
      -H 'Content-Type: application/sparql-query' --data-binary 'ASK {}' \
      "http://127.0.0.1:$PORT/dgov/sparql"
  done
}
# keeps one heavy query of client $1 running, forever; counts its answers by status in $2
heavy() {
  while true; do
    curl -s -o /dev/null -w '%{http_code}\n' --interface "$1" \
      -H 'Content-Type: application/sparql-query' --data-binary "$HEAVY" \
      "http://127.0.0.1:$PORT/dgov/sparql" >> "$2" || true
  done
}
asks > target/lane/idle.txt
for client in 127.0.0.2 127.0.0.2 127.0.0.3 127.0.0.3 127.0.0.4 127.0.0.4; do
  heavy $client "target/lane/heavy-$client.txt" &
  loops+=($!)
done
sleep 3 # the first heavy queries are past the short lane
asks > target/lane/full.txt
kill "${loops[@]}" 2>/dev/null || true
summary() {
  sort -k2 -n "$1" | awk '{ s[NR] = $2 * 1000; if ($1 != 200) bad++ }
    END { p50 = s[int((NR + 1) * 0.50)]; p99 = s[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1]
      printf "p50 %6.1f ms  p99 %6.1f ms  not 200: %d of %d\n", p50, p99, bad + 0, NR }'
}
count() { sort "$1" | uniq -c | awk '{ printf "%s%s %d×", (NR > 1 ? ", " : ""), $2, $1 }'; }
{
  echo
  echo "## A fair lane"
  echo
  echo "Written by \`bench/lane.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, the server as the README starts it"
  echo "(4 heavy slots, 2 per client, 0.5 s short lane, 10 s timeout); $ASKS sequential \`ASK {}\` from one client:"
  echo
  echo '```'
  echo "lane idle                                $(summary target/lane/idle.txt)"
  echo "4 cross products in the 4 heavy slots    $(summary target/lane/full.txt)"
  echo '```'
  echo
  echo "Meanwhile the heavy queries were answered (status count): the two clients that hold the slots"
  echo "$(count <(cat target/lane/heavy-127.0.0.2.txt target/lane/heavy-127.0.0.3.txt)) (cut by the timeout, or no heavy slot free when it asked),"
  echo "the third client $(count target/lane/heavy-127.0.0.4.txt) (stopped after the short lane: no heavy slot free)."
  echo "Before the lane (one semaphore of 4 for every query) an \`ASK {}\` sent while 4 heavy queries ran"
  echo "got 503. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee -a BENCHMARKS.md
