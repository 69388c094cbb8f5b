package org.dgov;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.fuseki.main.FusekiServer;

/**
 * HTTP as the tests speak it to a server under test: one client for all of them, requests built
 * from a method, an address, a body and headers, answers read as text. Headers are given as name,
 * value, name, value…; a pair whose value is {@code null} is left out, so that a test can send a
 * header (an {@code Origin}, an {@code Authorization}) only in some of its cases.
 */
public final class Http {

  /** Never follows redirects (tests assert on them); gives up connecting after 10 s (a hang). */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {}

  /** {@code http://localhost:PORT} of {@code server}, the start of every address on it. */
  public static String base(FusekiServer server) {
    return "http://localhost:" + server.getHttpPort();
  }

  /**
   * A {@code method} request for {@code url} with {@code body} (none if null) and {@code headers}.
   */
  public static HttpRequest.Builder request(
      String method, String url, BodyPublisher body, String... headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException(
          "headers come as name, value pairs; got " + Arrays.toString(headers));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, body == null ? BodyPublishers.noBody() : body);
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i + 1] != null) {
        request.header(headers[i], headers[i + 1]);
      }
    }
    return request;
  }

  /** Sends {@code request} and reads the answer as text. */
  public static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  /** Sends {@code request} without waiting; the answer as text when it comes. */
  public static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
    return CLIENT.sendAsync(request.build(), BodyHandlers.ofString());
  }

  /** A {@code method} request for {@code url} with the text {@code body} (none if null). */
  public static HttpResponse<String> send(String method, String url, String body, String... headers)
      throws IOException, InterruptedException {
    return send(request(method, url, body == null ? null : BodyPublishers.ofString(body), headers));
  }

  /** GET {@code url}. */
  public static HttpResponse<String> get(String url, String... headers)
      throws IOException, InterruptedException {
    return send("GET", url, null, headers);
  }

  /** Sends {@code request} and reads the answer as bytes (dumps, compressed or binary syntaxes). */
  public static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return CLIENT.send(request.build(), BodyHandlers.ofByteArray());
  }

  /** GET {@code url}, the answer as bytes. */
  public static HttpResponse<byte[]> getBytes(String url, String... headers)
      throws IOException, InterruptedException {
    return sendForBytes(request("GET", url, null, headers));
  }

  /** A POST of the text {@code body} of type {@code contentType} to {@code url}. */
  public static HttpRequest.Builder postRequest(
      String url, String contentType, String body, String... headers) {
    return request("POST", url, BodyPublishers.ofString(body), headers)
        .header("Content-Type", contentType);
  }

  /** POSTs the text {@code body} of type {@code contentType} to {@code url}. */
  public static HttpResponse<String> post(
      String url, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    return send(postRequest(url, contentType, body, headers));
  }
}
