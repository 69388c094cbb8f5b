#!/usr/bin/env bash
# Jena SHACL against TopBraid SHACL and RDF4J's ShaclSail (JMH), in the Maven profile "bench":
# checks that the three report the same results on the same data and shapes, then appends their
# times, as ratios to Jena SHACL's, to BENCHMARKS.md. Arguments replace the JMH settings below.
set -euo pipefail
cd "$(dirname "$0")/.."
JMH=(-f 1 -wi 3 -w 3s -i 3 -r 3s)
if [ $# -gt 0 ]; then JMH=("$@"); fi
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
mvn -q -B -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath -Dmdep.includeScope=test
# RDF4J 5.2's ShaclSail sorts date values with a comparator that is not a total order (printed by
# ShaclPeers); the legacy merge sort does not check. The JMH forks inherit the flag.
if ! java -Djava.util.Arrays.useLegacyMergeSort=true \
  -cp "target/bench/test-classes:target/bench/classes:$(cat target/bench/classpath)" \
  org.dgov.bench.ShaclPeers "${JMH[@]}" -foe true -o target/bench/shacl-jmh.log > target/bench/shacl-peers.md; then
  cat target/bench/shacl-peers.md
  echo "bench/shacl-peers.sh: failed (JMH's output: target/bench/shacl-jmh.log)" >&2
  exit 1
fi
{
  echo
  echo "## SHACL engines"
  echo
  echo "Written by \`bench/shacl-peers.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores (load average $LOAD at the start), $(java -version 2>&1 | head -1), JMH \`${JMH[*]}\` (average time of one validation), the three engines in the same run."
  echo
  cat target/bench/shacl-peers.md
} | tee -a BENCHMARKS.md
