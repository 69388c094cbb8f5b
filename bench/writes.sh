#!/usr/bin/env bash
# Validated writes as the graph grows (prints numbers and appends them to BENCHMARKS.md; not a
# test): for each scale (default 1 10 100), a generated conforming project served writable on a
# fresh TDB2 store; one new agreement entry per write through /dgov/update, WRITES of them in
# sequence (p50, p99), then four concurrent writers for SECONDS; afterwards every write is looked
# up: acknowledged but missing is lost, present in part is torn.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${*:-1 10 100}
WRITES=${WRITES:-200}
SECONDS_CONCURRENT=${SECONDS_CONCURRENT:-20}
mvn -q -B -DskipTests test-compile package
rm -rf target/writes && mkdir -p target/writes
{
  echo
  echo "## Validated writes"
  echo
  echo "Written by \`bench/writes.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, one new agreement entry per write through"
  echo "\`/dgov/update\` (authenticated, validated in the transaction), $WRITES writes by one writer, then 4 writers for"
  echo "${SECONDS_CONCURRENT} s."
  echo
  java -Xmx16g -cp target/dgov-kg.jar:target/test-classes org.dgov.bench.WriteBenchmark \
    target/writes "$WRITES" "$SECONDS_CONCURRENT" $SCALES 2> target/writes/log.txt
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee -a BENCHMARKS.md
