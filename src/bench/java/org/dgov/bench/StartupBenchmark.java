package org.dgov.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.graph.Project;
import org.dgov.server.DgovServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up to ready, cold: each fork is a fresh JVM that loads, validates and serves the curated
 * graph once (read-only, any free port), as {@code dgov-kg serve} does. Run by bench/jmh.sh.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class StartupBenchmark {

  @Benchmark
  public int startToReady() throws Exception {
    FusekiServer server = DgovServer.start(Project.at(Path.of(".")), 0, true);
    int port = server.getHttpPort();
    server.stop();
    return port;
  }
}
