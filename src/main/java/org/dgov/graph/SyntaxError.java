package org.dgov.graph;

/** An RDF file that could not be read, with the place of the error. */
public class SyntaxError extends Exception {

  private final String file;
  private final long line;
  private final long column;

  public SyntaxError(String file, long line, long column, String message) {
    super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public long column() {
    return column;
  }
}
