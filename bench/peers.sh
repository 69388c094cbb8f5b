#!/usr/bin/env bash
# Against peers (prints numbers and appends them to BENCHMARKS.md; not a test): the same jar's plain
# Fuseki main, OpenLink Virtuoso (Debian's virtuoso-opensource, the engine behind DBpedia) and
# Oxigraph's WASM build (npm package oxigraph behind bench/oxigraph-server.js), serving the same data
# (the curated graph with its RDFS closure, exported) with no additions, against our server, on the
# named queries sent as ad-hoc SPARQL, CONNECTIONS at a time (default 4, our query cap). The peers
# run interleaved, ROUNDS rounds (default 5) of DURATION seconds each (default 10): a busy neighbour
# then hits every peer alike. Needs wrk; a peer whose program is missing is skipped and said so.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-4}
ROUNDS=${ROUNDS:-5}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
mvn -q -B -DskipTests test-compile package
rm -rf target/peers && mkdir -p target/peers
java -jar target/dgov-kg.jar export --out target/peers > /dev/null
QUERIES=$(ls queries/*.rq)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
# name|port|path|direct or form
PEERS=("dgov-kg serve|3098|/dgov/sparql|direct" "plain Fuseki main|3097|/plain/sparql|direct")
java -cp target/dgov-kg.jar:target/test-classes org.dgov.bench.PlainFuseki 3097 target/peers/dgov-inferred.ttl > target/peers/plain.log 2>&1 &
PIDS+=($!)
java -jar target/dgov-kg.jar serve --localhost --port 3098 > target/peers/dgov.log 2>&1 &
PIDS+=($!)
GRAPH=https://w3id.org/dgov/graph
if command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null; then
  V=$PWD/target/peers/virtuoso && mkdir -p "$V"
  printf '[Database]\nDatabaseFile=%s/v.db\nErrorLogFile=%s/v.log\nLockFile=%s/v.lck\nTransactionFile=%s/v.trx\nxa_persistent_file=%s/v.pxa\n[TempDatabase]\nDatabaseFile=%s/v-temp.db\nTransactionFile=%s/v-temp.trx\n[Parameters]\nServerPort=1195\nDirsAllowed=.,%s\nNumberOfBuffers=170000\nMaxDirtyBuffers=130000\n[HTTPServer]\nServerPort=3095\nServerRoot=/var/lib/virtuoso-opensource-7/vsp\nServerThreads=10\n[SPARQL]\nResultSetMaxRows=1000000\nMaxQueryExecutionTime=60\n' \
    "$V" "$V" "$V" "$V" "$V" "$V" "$V" "$PWD/target/peers" > "$V/virtuoso.ini"
  (cd "$V" && exec virtuoso-t +foreground +configfile "$V/virtuoso.ini") > "$V/stdout.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do isql-vt 1195 dba dba exec="status();" > /dev/null 2>&1 && break; sleep 0.5; done
  isql-vt 1195 dba dba exec="DB.DBA.TTLP_MT(file_to_string_output('$PWD/target/peers/dgov-inferred.nt'), '', '$GRAPH', 0); checkpoint;" > "$V/load.log"
  PEERS+=("Virtuoso 7 (Debian)|3095|/sparql?default-graph-uri=https%3A%2F%2Fw3id.org%2Fdgov%2Fgraph|form")
else
  echo "virtuoso-opensource is missing (apt-get install virtuoso-opensource): Virtuoso skipped" >&2
fi
if command -v npm >/dev/null && command -v node >/dev/null; then
  mkdir -p target/oxigraph && npm install --silent --no-audit --no-fund --prefix target/oxigraph oxigraph > /dev/null
  node bench/oxigraph-server.js 3096 target/peers/dgov-inferred.nt target/oxigraph/node_modules > target/peers/oxigraph.log 2>&1 &
  PIDS+=($!)
  PEERS+=("Oxigraph (WASM)|3096|/sparql|direct")
else
  echo "npm or node is missing: Oxigraph skipped" >&2
fi
ready() { # url mode
  if [ "$2" = form ]; then curl -sf -m 5 -o /dev/null "$1" --data-urlencode "query=ASK{}"
  else curl -sf -m 5 -o /dev/null "$1" -H 'Content-Type: application/sparql-query' --data-binary 'ASK{}'; fi
}
for peer in "${PEERS[@]}"; do
  IFS='|' read -r name port path mode <<< "$peer"
  for _ in $(seq 1 240); do ready "http://localhost:$port$path" "$mode" && break; sleep 0.5; done
  ready "http://localhost:$port$path" "$mode" || { echo "$name did not start" >&2; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d5s -s bench/adhoc-queries.lua "http://localhost:$port" -- "$path" "$mode" $QUERIES > /dev/null # warm-up
done
# the same answers first: per peer, the queries it refuses and those whose row count differs from ours
rows() { # url mode file -> "status rows"
  local out=target/peers/answer.json code
  if [ "$2" = form ]; then code=$(curl -s -m 30 -o $out -w '%{http_code}' "$1" -H 'Accept: application/sparql-results+json' --data-urlencode "query@$3")
  else code=$(curl -s -m 30 -o $out -w '%{http_code}' "$1" -H 'Accept: application/sparql-results+json' -H 'Content-Type: application/sparql-query' --data-binary "@$3"); fi
  echo "$code $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]["bindings"]))' $out 2>/dev/null || echo -)"
}
: > target/peers/answers.txt
for q in $QUERIES; do
  IFS='|' read -r _ oport opath omode <<< "${PEERS[0]}"
  ours=$(rows "http://localhost:$oport$opath" "$omode" "$q")
  for peer in "${PEERS[@]:1}"; do
    IFS='|' read -r name port path mode <<< "$peer"
    theirs=$(rows "http://localhost:$port$path" "$mode" "$q")
    if [ "${theirs%% *}" != 200 ]; then echo "$name|refused|$(basename "$q" .rq)"
    elif [ "$theirs" != "$ours" ]; then echo "$name|differs|$(basename "$q" .rq) (${theirs#* } rows, ours ${ours#* })"; fi
  done
done >> target/peers/answers.txt
: > target/peers/runs.txt
for round in $(seq 1 "$ROUNDS"); do
  for peer in "${PEERS[@]}"; do
    IFS='|' read -r name port path mode <<< "$peer"
    line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 15s -s bench/adhoc-queries.lua "http://localhost:$port" -- "$path" "$mode" $QUERIES | tail -1)
    echo "$name|$line" >> target/peers/runs.txt
  done
done
{
  echo
  echo "## Against peers"
  echo
  echo "Written by \`bench/peers.sh\` on $(date -u +%Y-%m-%d): the same jar's plain Fuseki main, Virtuoso $(virtuoso-t -? 2>&1 | grep -o 'Version [0-9.]*' | head -1 || true) (Debian's"
  echo "virtuoso-opensource) and Oxigraph's WASM build (npm \`oxigraph\` behind a minimal Node HTTP server) serving the same data"
  echo "(the curated graph with its RDFS closure) with no additions, against \`dgov-kg serve\`, on the $(echo $QUERIES | wc -w) named queries"
  echo "sent as ad-hoc SPARQL, $CONNECTIONS connections (our query cap); $ROUNDS interleaved rounds of ${DURATION} s per peer."
  echo "Median (min-max) over the rounds; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo '```'
  awk -F'|' '{ split($2, a, "requests/s "); split($3, b, "p50 "); split($5, e, "errors ");
      name = $1; if (!(name in seen)) { seen[name] = 1; order[++n] = name }
      rps[name] = rps[name] " " (a[2] + 0); p50[name] = p50[name] " " (b[2] + 0); err[name] += e[2] + 0 }
    function med(s,   x, k, i, j, t) { k = split(s, x, " "); for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (x[j] + 0 < x[i] + 0) { t = x[i]; x[i] = x[j]; x[j] = t }
      lo = x[1]; hi = x[k]; return (k % 2) ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2 }
    END {
      for (i = 1; i <= n; i++) { m = order[i]; r[m] = med(rps[m]); rl = lo; rh = hi; q[m] = med(p50[m]); ql = lo; qh = hi
        printf "%-20s requests/s %7.1f (%.1f-%.1f)  p50 %6.2f ms (%.2f-%.2f)  errors %d\n", m, r[m], rl, rh, q[m], ql, qh, err[m] }
      print ""
      print "Each peer divided by dgov-kg serve (throughput above 1: the peer serves more; p50 above 1: the peer answers slower):"
      for (i = 2; i <= n; i++) { m = order[i]; printf "- %s: throughput %.2f, p50 %.2f\n", m, r[m] / r[order[1]], q[m] / q[order[1]] }
    }' target/peers/runs.txt
  echo '```'
  echo
  n=$(echo $QUERIES | wc -w)
  for peer in "${PEERS[@]:1}"; do
    IFS='|' read -r name _ _ _ <<< "$peer"
    refused=$(awk -F'|' -v p="$name" '$1 == p && $2 == "refused" { printf "%s%s", s, $3; s = ", " }' target/peers/answers.txt)
    differs=$(awk -F'|' -v p="$name" '$1 == p && $2 == "differs" { printf "%s%s", s, $3; s = ", " }' target/peers/answers.txt)
    echo "- $name: of the $n queries, refused: ${refused:-none}; rows differing from ours: ${differs:-none}."
  done
} | tee -a BENCHMARKS.md
