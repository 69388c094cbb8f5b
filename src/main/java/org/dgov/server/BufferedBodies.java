package org.dgov.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads each request body whole, without a thread (Jetty calls back as bytes arrive), before the
 * request goes to the servlets, which then read it from memory and never wait on the client. This
 * is what a buffering reverse proxy does, inside the server: the servlets' reads block, and a
 * client that sends a byte every few seconds would otherwise hold one of Jetty's threads for as
 * long as it likes (the idle timeout restarts with each byte), until no route is answered.
 *
 * <p>A body must be complete within the deadline, or the request gets 408 and its connection is
 * closed; a body over the limit gets 413 at once. The bytes are copied out of Jetty's network
 * buffers as they arrive, so that a body sent in many small pieces holds its size in memory, not a
 * network buffer per piece. The limit counts bytes as sent; {@link RequestLimits} still counts them
 * inflated, for compressed bodies.
 */
final class BufferedBodies implements EagerContentHandler.ContentLoaderFactory {

  private final long maxBytes;
  private final Duration deadline;

  BufferedBodies(long maxBytes, Duration deadline) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  /** Every media type. */
  @Override
  public String getApplicableMimeType() {
    return null;
  }

  @Override
  public EagerContentHandler.ContentLoader newContentLoader(
      String contentType,
      String mimeType,
      Handler handler,
      Request request,
      Response response,
      Callback callback) {
    return new Loader(handler, request, response, callback);
  }

  /** Reads one body, then hands the request on with the body in memory. */
  private final class Loader extends EagerContentHandler.ContentLoader implements Invocable.Task {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean settled = new AtomicBoolean();
    private Scheduler.Task timer;

    Loader(Handler handler, Request request, Response response, Callback callback) {
      super(handler, request, response, callback);
    }

    @Override
    protected void load() {
      if (getRequest().getLength() > maxBytes) { // declared over the limit: not worth waiting for
        settled.set(true);
        refuse(413, "the request body is larger than the limit of " + maxBytes + " bytes");
        return;
      }
      timer =
          getRequest()
              .getComponents()
              .getScheduler()
              .schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
      read(false);
    }

    /** Called by Jetty when more of the body has arrived. */
    @Override
    public void run() {
      read(true);
    }

    /** Reading and copying never blocks. */
    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    /**
     * Takes what has arrived; once the body is complete, handles the request, on a thread of the
     * pool when {@code execute} (a callback of Jetty's must not block).
     */
    private void read(boolean execute) {
      while (!settled.get()) {
        Content.Chunk chunk = getRequest().read();
        if (chunk == null) {
          getRequest().demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          if (settle()) {
            getCallback().failed(chunk.getFailure());
          }
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        boolean last = chunk.isLast();
        if (body.size() + (long) bytes.remaining() > maxBytes) {
          chunk.release();
          if (settle()) {
            refuse(413, "the request body is larger than the limit of " + maxBytes + " bytes");
          }
          return;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.write(copy, 0, copy.length);
        chunk.release();
        if (last) {
          if (settle()) {
            Request buffered = new Buffered(getRequest(), body.toByteArray());
            if (execute) {
              getRequest()
                  .getContext()
                  .execute(() -> handle(buffered, getResponse(), getCallback()));
            } else {
              handle(buffered, getResponse(), getCallback());
            }
          }
          return;
        }
      }
    }

    /** Whether this call ended the loading (and not an earlier one or the deadline). */
    private boolean settle() {
      if (!settled.compareAndSet(false, true)) {
        return false;
      }
      timer.cancel();
      return true;
    }

    private void expire() {
      if (settled.compareAndSet(false, true)) {
        refuse(
            408,
            "the request body did not arrive within "
                + deadline.toSeconds()
                + " s: send it at once, or through a proxy that buffers request bodies");
      }
    }

    /** Answers {@code status} with {@code reason}, and closes the connection. */
    private void refuse(int status, String reason) {
      Response response = getResponse();
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, PlainError.CONTENT_TYPE);
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      response.write(true, ByteBuffer.wrap(PlainError.body(reason)), getCallback());
    }
  }

  /** The request with its body read: one chunk of it, then the end. */
  private static final class Buffered extends Request.Wrapper {
    private Content.Chunk next;

    Buffered(Request request, byte[] body) {
      super(request);
      this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk chunk = next;
      next = Content.Chunk.EOF;
      return chunk;
    }

    /** The body is all here: whoever waits for it can read at once. */
    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }
  }
}
