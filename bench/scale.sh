#!/usr/bin/env bash
# Scale benchmark (prints numbers; not a test): generates synthetic projects at the given scales
# (default 1 10 100 1000), validates each in memory, bulk-loads it into TDB2 and times the coverage
# matrix and point lookups there; writes the results into BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${*:-1 10 100 1000}
mvn -q -B -DskipTests test-compile package
WORK=target/scale
rm -rf "$WORK"
{
  echo "# Benchmarks"
  echo
  echo "Written by \`bench/scale.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), Jena 5.6.0."
  echo "Each scale is the curated graph plus copies of its actors, instruments, events, statistics and memberships"
  echo "(\`dgov-kg generate --scale N\`), with one injected violation per copy."
  echo
  java -Xmx16g -cp target/dgov-kg.jar:target/test-classes org.dgov.bench.ScaleBenchmark "$WORK" $SCALES 2> target/scale.log
} > BENCHMARKS.md.new
mv BENCHMARKS.md.new BENCHMARKS.md
cat BENCHMARKS.md
