#!/usr/bin/env bash
# Read replicas through Kafka (prints numbers and appends them to BENCHMARKS.md; not a test): an
# embedded KRaft broker and the primary in one JVM, two replicas in child JVMs. Lag from commit to
# visible on a replica at 1, 10 and 50 offered writes/s; read throughput of 1 vs 2 replicas behind
# a round-robin client; each replica's RSS; catch-up of a fresh replica over 10,000 patches.
set -euo pipefail
cd "$(dirname "$0")/.."
READ_SECONDS=${READ_SECONDS:-15}
mvn -q -B -o -DskipTests test-compile package
rm -rf target/replicas && mkdir -p target/replicas
# to a file, not /dev/stdout: Maven's console codes would corrupt the first entry
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/replicas/classpath
CP="target/classes:target/test-classes:$(cat target/replicas/classpath)"
{
  echo
  echo "## Replication"
  echo
  echo "Written by \`bench/replicas.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, load average at the start"
  echo "$(cut -d' ' -f1-3 /proc/loadavg); an embedded KRaft broker (Kafka's test kit) and the primary in one JVM,"
  echo "each replica in its own JVM, all on this machine. Lag is from the commit time the primary's history records"
  echo "to the first poll (every 5 ms) of the replica's \`/dgov/status\` that shows the version."
  echo
  java -cp "$CP" org.dgov.replica.ReplicationBenchmark target/replicas "$READ_SECONDS" 2> target/replicas/log.txt \
    | grep -v -e '^Bootstrap metadata' -e '^Formatting metadata' # the broker's test kit prints these
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee -a BENCHMARKS.md
