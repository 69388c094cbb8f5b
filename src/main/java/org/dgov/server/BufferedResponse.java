package org.dgov.server;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds a response body back, up to a limit, so that the status can still change when the outcome
 * is known: a rolled-back write, a query cut by its timeout.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

  /** Thrown when the body passes the limit. */
  static final class Overflow extends IOException {
    Overflow() {
      super("response body over the limit");
    }
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final long maxBytes;
  private int status = SC_OK;
  private boolean overflowed;
  private PrintWriter writer;

  BufferedResponse(HttpServletResponse response, long maxBytes) {
    super(response);
    this.maxBytes = maxBytes;
  }

  int status() {
    return status;
  }

  boolean overflowed() {
    return overflowed;
  }

  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return bytes.toByteArray();
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    super.setStatus(sc);
  }

  @Override
  public void sendError(int sc, String msg) {
    status = sc;
    bytes.reset();
    bytes.writeBytes((msg == null ? "" : msg).getBytes(StandardCharsets.UTF_8));
    super.setStatus(sc);
  }

  @Override
  public void sendError(int sc) {
    sendError(sc, null);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return new ServletOutputStream() {
      @Override
      public void write(int b) throws IOException {
        check(1);
        bytes.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        check(len);
        bytes.write(b, off, len);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}
    };
  }

  private void check(int more) throws Overflow {
    if (bytes.size() + (long) more > maxBytes) {
      overflowed = true;
      throw new Overflow();
    }
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
    }
    return writer;
  }

  @Override
  public void setContentLength(int length) {}

  @Override
  public void setContentLengthLong(long length) {}

  @Override
  public void flushBuffer() {}

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void resetBuffer() {
    bytes.reset();
  }
}
