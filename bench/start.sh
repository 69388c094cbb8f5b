#!/usr/bin/env bash
# Start-up side by side (prints numbers and appends them to BENCHMARKS.md; not a test): a fresh JVM
# from launch to the first answered ASK, for the same jar's plain Fuseki main on the exported graph
# with its closure (the floor), dgov-kg serve on files it has not seen (it validates them), and
# dgov-kg serve restarted on the same files (the graph kept by ServedGraphCache). The three are
# run interleaved, ROUNDS times (default 7), so that a busy neighbour hits all alike; each line gives
# the median and the spread (min-max) of wall time and of CPU time (user + system) to ready.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-7}
mvn -q -B -DskipTests test-compile package
rm -rf target/start && mkdir -p target/start
java -jar target/dgov-kg.jar export --out target/start > /dev/null
ticks=$(getconf CLK_TCK)
# one start: name port path command...; prints "name wall_ms cpu_ms"
once() {
  local name=$1 port=$2 path=$3; shift 3
  local t0; t0=$(date +%s%N)
  "$@" > "target/start/$name.log" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://localhost:$port$path?query=ASK%7B%7D"; do
    kill -0 $pid 2>/dev/null || { echo "$name died" >&2; tail "target/start/$name.log" >&2; exit 1; }
    sleep 0.02
  done
  local t1; t1=$(date +%s%N)
  local cpu; cpu=$(awk -v t="$ticks" '{ print int(($14 + $15 + $16 + $17) * 1000 / t) }' /proc/$pid/stat)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$name $(( (t1 - t0) / 1000000 )) $cpu"
}
plain() { once plain 3197 /plain/sparql java -cp target/dgov-kg.jar:target/test-classes org.dgov.bench.PlainFuseki 3197 target/start/dgov-inferred.ttl; }
first() { rm -rf target/served; once first 3198 /dgov/sparql java -jar target/dgov-kg.jar serve --localhost --port 3198; }
again() { once again 3198 /dgov/sparql java -jar target/dgov-kg.jar serve --localhost --port 3198; }
first > /dev/null # warms the page cache and leaves a kept graph for the first "again"
for _ in $(seq 1 "$ROUNDS"); do plain; again; first; done > target/start/runs.txt
{
  echo
  echo "## Start-up"
  echo
  echo "Written by \`bench/start.sh\` on $(date -u +%Y-%m-%d): fresh JVMs from launch to the first answered ASK, $ROUNDS interleaved"
  echo "rounds; load average at the end $(cut -d' ' -f1-3 /proc/loadavg). Median (min-max), wall and CPU (user + system):"
  echo
  echo '```'
  awk '{ w[$1] = w[$1] " " $2; c[$1] = c[$1] " " $3 }
    function med(s,   a, n, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      m = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2; lo = a[1]; hi = a[n]; return m }
    END {
      split("plain first again", order, " ")
      label["plain"] = "plain Fuseki main (floor)      "; label["first"] = "dgov-kg serve, files not seen  "; label["again"] = "dgov-kg serve, restarted       "
      for (k = 1; k <= 3; k++) { n = order[k]; mw[n] = med(w[n]); lw = lo; hw = hi; mc[n] = med(c[n]); lc = lo; hc = hi
        printf "%s wall %5d ms (%d-%d)  cpu %5d ms (%d-%d)\n", label[n], mw[n], lw, hw, mc[n], lc, hc }
      printf "\nratios to the floor (wall): files not seen %.2f, restarted %.2f\n", mw["first"] / mw["plain"], mw["again"] / mw["plain"]
      printf "ratios to the floor (cpu):  files not seen %.2f, restarted %.2f\n", mc["first"] / mc["plain"], mc["again"] / mc["plain"]
    }' target/start/runs.txt
  echo '```'
} | tee -a BENCHMARKS.md
