#!/usr/bin/env bash
# The cost of /dgov/validate for hostile entries (prints numbers and appends them to BENCHMARKS.md;
# not a test): an agreement entry whose dgov:hasParty names REFS (default 200 and 1000) unknown
# slugs of 1,000 random lower-case letters each (about 207 KB and 1 MB), POSTed ROUNDS times
# (default 3) to a server started as the README says; each line gives the median and the spread
# (min-max) of the wall time to the full answer, and the status of the last answer.
set -euo pipefail
cd "$(dirname "$0")/.."
REFS=${*:-200 1000}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-3199}
mvn -q -B -DskipTests package
rm -rf target/validate && mkdir -p target/validate
# an entry with $1 references to unknown 1,000-character slugs
entry() {
  {
    cat <<'EOF'
@prefix dgov: <https://w3id.org/dgov/ontology#> .
@prefix dgr: <https://w3id.org/dgov/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

dgr:bench-agreement a dgov:Agreement ;
  rdfs:label "Benchmark agreement"@en, "基准协定"@zh ;
  dgov:hasParty
EOF
    python3 -c 'import random, string, sys
n = int(sys.argv[1])
slugs = ["".join(random.choices(string.ascii_lowercase, k=1000)) for _ in range(n)]
print(" ,\n".join("    dgr:" + s for s in slugs) + " .")' "$1"
  } > "target/validate/entry-$1.ttl"
}
java -jar target/dgov-kg.jar serve --localhost --port "$PORT" > target/validate/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://localhost:$PORT/dgov/sparql?query=ASK%7B%7D"; do
  kill -0 $server 2>/dev/null || { echo "server died" >&2; tail target/validate/server.log >&2; exit 1; }
  sleep 0.1
done
lines=()
for n in $REFS; do
  entry "$n"
  size=$(stat -c %s "target/validate/entry-$n.ttl")
  times=()
  for _ in $(seq 1 "$ROUNDS"); do
    out=$(curl -s -o target/validate/answer-$n.json -w '%{http_code} %{time_total}' \
      -H 'Content-Type: text/turtle' --data-binary @"target/validate/entry-$n.ttl" \
      "http://localhost:$PORT/dgov/validate")
    status=${out% *}
    times+=("${out#* }")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  lines+=("$(printf '%5d references, %8d bytes   wall %6.2f s (%.2f-%.2f)   status %s' "$n" "$size" \
    "$(echo "$sorted" | sed -n "$(( (ROUNDS + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" \
    "$(echo "$sorted" | tail -1)" "$status")")
done
{
  echo
  echo "## Validate cost"
  echo
  echo "Written by \`bench/validate.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, an agreement entry naming unknown"
  echo "1,000-character slugs as parties POSTed to \`/dgov/validate\`, $ROUNDS rounds each; load average at the end"
  echo "$(cut -d' ' -f1-3 /proc/loadavg). Median (min-max) wall time to the whole answer:"
  echo
  echo '```'
  printf '%s\n' "${lines[@]}"
  echo '```'
} | tee -a BENCHMARKS.md
