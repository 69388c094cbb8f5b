package org.dgov.server;

import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server's Jetty needs to stay up and inside its memory budget when clients are slow or
 * many, beyond Fuseki main's defaults (a pool of 20 threads, a 5 MB response buffer per request).
 *
 * <ul>
 *   <li>Request bodies are read before a thread is given to the request ({@link BufferedBodies}),
 *       within {@link #BODY_DEADLINE}: a client that sends a body a byte at a time holds a
 *       connection, never one of the threads every route shares.
 *   <li>The pool is sized for the machine: {@link #threads()}.
 *   <li>Responses are buffered in {@value #OUTPUT_BUFFER_BYTES} bytes (Jetty's own default), so
 *       that 64 connections hold 2 MB of buffers, not 320 MB of direct memory that only a full GC
 *       gives back. The SPARQL results a query may need to take back are held by {@link
 *       QueryGuard}, not by this buffer.
 *   <li>A server whose JVM may take more heap than {@link #HEAP_BUDGET_BYTES} says so at start,
 *       with the options that bound it: JVM options cannot be set from inside the jar, and the
 *       README's first command stays a plain {@code java -jar}.
 * </ul>
 */
final class Jetty {

  /** How long a client may take to send a request body, from its headers to its last byte. */
  static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

  /**
   * The most heap the server should need (the curated graph, its closure and the caches take a few
   * hundred MB); the JVM's own default is a quarter of the machine's memory.
   */
  static final long HEAP_BUDGET_BYTES = 2L << 30;

  private static final Logger LOG = LoggerFactory.getLogger("dgov-kg");

  private Jetty() {}

  /**
   * The most threads Jetty may run: enough that requests without a body (pages, GET queries) are
   * not queued behind each other on a small machine, few enough that their stacks and buffers stay
   * a small part of the memory budget; ad-hoc queries are limited apart from this ({@link
   * QueryGuard}).
   */
  static int threads() {
    return Math.min(200, Math.max(64, 16 * Runtime.getRuntime().availableProcessors()));
  }

  /** Sizes the thread pool of the server {@code builder} will build. */
  static FusekiServer.Builder sized(FusekiServer.Builder builder) {
    return builder.numServerThreads(8, threads());
  }

  /**
   * Sets the response buffer of every connector and puts the body reader in front of the servlets,
   * on a {@code server} that was built but not started; bodies over {@code maxBodyBytes} get 413.
   */
  static void harden(FusekiServer server, long maxBodyBytes) {
    Server jetty = server.getJettyServer();
    for (Connector connector : jetty.getConnectors()) {
      HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (http != null) {
        http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
      }
    }
    long heap = Runtime.getRuntime().maxMemory();
    if (heap > HEAP_BUDGET_BYTES) {
      LOG.warn(
          "the JVM may grow its heap to {} MB; for a bounded footprint start it with -Xmx1g"
              + " -XX:MaxDirectMemorySize=256m -XX:+ExitOnOutOfMemoryError under a supervisor"
              + " (README, \"A public endpoint that stays up\")",
          heap >> 20);
    }
    jetty.setHandler(
        new EagerContentHandler(
            jetty.getHandler(), new BufferedBodies(maxBodyBytes, BODY_DEADLINE)));
  }
}
