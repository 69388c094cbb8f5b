#!/usr/bin/env bash
# In-process benchmarks with JMH (prints a table; not a test), in the Maven profile "bench".
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath -Dmdep.includeScope=test
java -cp "target/bench/test-classes:target/bench/classes:$(cat target/bench/classpath)" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 2s -i 5 -r 2s -rf text -rff target/bench/jmh.txt "${@:-GraphBenchmarks}" > target/bench/jmh.log
{
  echo
  echo "## In process (JMH)"
  echo
  echo "Written by \`bench/jmh.sh\` on $(date -u +%Y-%m-%d): 1 fork, 3 warm-up and 5 measured iterations of 2 s each."
  echo
  echo '```'
  cat target/bench/jmh.txt
  echo '```'
} | tee -a BENCHMARKS.md
