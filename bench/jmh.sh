#!/usr/bin/env bash
# In-process benchmarks with JMH (prints a table; not a test), in the Maven profile "bench":
# every named query in memory and on TDB2, validation, and cold start-up to ready.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath -Dmdep.includeScope=test
CP="target/bench/test-classes:target/bench/classes:$(cat target/bench/classpath)"
java -cp "$CP" org.openjdk.jmh.Main -f 1 -wi 2 -w 1s -i 3 -r 2s -rf text -rff target/bench/jmh-graph.txt \
  GraphBenchmarks > target/bench/jmh-graph.log
java -cp "$CP" org.openjdk.jmh.Main -rf text -rff target/bench/jmh-startup.txt \
  StartupBenchmark > target/bench/jmh-startup.log
{
  echo
  echo "## In process (JMH)"
  echo
  echo "Written by \`bench/jmh.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "Queries and validation: 1 fork, 2 warm-up and 3 measured iterations of 1–2 s, average time per operation;"
  echo "the in-memory graph is the curated graph with its RDFS closure (the read-only server), TDB2 the writable"
  echo "server's store with its materialised entailment. Start-up: 5 fresh JVMs, one cold start each (load, validate, serve)."
  echo
  echo '```'
  cat target/bench/jmh-graph.txt target/bench/jmh-startup.txt
  echo '```'
} | tee -a BENCHMARKS.md
