package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.TransactionalNull;
import org.dgov.Http;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /dgov/validate} runs at most its limit of validations at once and answers within its time
 * budget: a validation held inside (the graph it needs is not handed over until the test says so)
 * shows what a client sees when the limit is full or the budget is spent.
 */
@ExtendWith(Shared.class)
class ValidateLimitsTest {

  private static final String ENTRY =
      "@prefix dgr: <https://w3id.org/dgov/id/> .\n"
          + "@prefix dgov: <https://w3id.org/dgov/ontology#> .\n"
          + "dgr:held-agreement a dgov:Agreement .\n";

  /**
   * A budget that no held validation reaches while a test runs: what refuses a request then is the
   * slot, whatever the speed of the machine.
   */
  private static final Duration NO_DEADLINE = Duration.ofDays(1);

  /**
   * A server whose validations wait for {@code release} before they get the graph, deaf to
   * interrupts as Jena's parsers and SHACL are.
   */
  private static FusekiServer server(
      CuratedGraph graph, CountDownLatch entered, CountDownLatch release, Duration budget)
      throws Exception {
    Supplier<CuratedGraph> held =
        () -> {
          entered.countDown();
          boolean interrupted = false;
          while (release.getCount() > 0) {
            try {
              release.await();
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
          if (interrupted) {
            Thread.currentThread().interrupt();
          }
          return graph;
        };
    ValidateAction action =
        new ValidateAction(
            held,
            TransactionalNull.create(),
            SourceText.read(TestProjects.repository().sourceText()),
            1_000_000,
            1,
            budget);
    return FusekiServer.create()
        .port(0)
        .loopback(true)
        .registerOperation(ValidateAction.OPERATION, action)
        .add("/dgov", DatasetGraphFactory.createTxnMem())
        .addEndpoint("/dgov", "validate", ValidateAction.OPERATION)
        .build()
        .start();
  }

  private static CompletableFuture<HttpResponse<String>> post(FusekiServer server) {
    return Http.sendAsync(
        Http.request(
            "POST",
            server.serverURL() + "dgov/validate",
            HttpRequest.BodyPublishers.ofString(ENTRY),
            "Content-Type",
            "text/turtle"));
  }

  @Test
  void aValidationOverTheLimitIs503WithRetryAfter(CuratedGraph graph) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FusekiServer server = server(graph, entered, release, NO_DEADLINE);
    try {
      CompletableFuture<HttpResponse<String>> first = post(server);
      assertTrue(entered.await(60, TimeUnit.SECONDS), "the first validation started");
      HttpResponse<String> second = post(server).get(60, TimeUnit.SECONDS);
      assertFalse(first.isDone(), "the first validation holds the only slot until released");
      // no clock decides this: the slot is taken (tryAcquire, no wait), and the held validation
      // has no deadline to reach, so the refusal cannot be the budget's
      assertTrue(
          second.body().contains("too many validations are running"),
          "refused for the slot: " + second.body());
      assertEquals(503, second.statusCode(), "a refusal for the slot is 503: " + second.body());
      assertTrue(
          second.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"),
          "a 503 says when to retry, in whole seconds");
      release.countDown();
      HttpResponse<String> answered = first.get(120, TimeUnit.SECONDS);
      assertEquals(200, answered.statusCode(), answered.body());
      assertEquals(200, post(server).get(120, TimeUnit.SECONDS).statusCode(), "the slot is free");
    } finally {
      release.countDown();
      server.stop();
    }
  }

  @Test
  void aValidationPastItsBudgetIs503AndKeepsItsSlotUntilItEnds(CuratedGraph graph)
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FusekiServer server = server(graph, entered, release, Duration.ofMillis(300));
    try {
      HttpResponse<String> late = post(server).get(60, TimeUnit.SECONDS);
      assertEquals(503, late.statusCode(), late.body());
      assertTrue(
          late.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"),
          "a 503 says when to retry, in whole seconds");
      assertTrue(late.body().contains("longer than its budget"), late.body());
      HttpResponse<String> meanwhile = post(server).get(60, TimeUnit.SECONDS);
      assertTrue(
          meanwhile.body().contains("too many validations are running"),
          "the validation past its budget still runs and holds the only slot: " + meanwhile.body());
    } finally {
      release.countDown();
      server.stop();
    }
  }
}
