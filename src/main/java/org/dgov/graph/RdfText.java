package org.dgov.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * The text of an RDF file, checked in one streaming pass before any parser sees it: it must be
 * UTF-8 (the parsers would silently replace a bad byte), and brackets may nest at most {@value
 * #MAX_DEPTH} deep (the parsers recurse once per level, and 100,000 levels overflow the stack). A
 * leading byte-order mark is accepted. Turtle and its relatives count {@code [}, {@code (} and
 * {@code <<} outside strings, IRIs and comments; JSON-LD counts {@code {} and {@code [} outside
 * strings. Errors name the line and column.
 */
public final class RdfText {

  /** The deepest nesting of blank nodes, collections, quoted triples or JSON values accepted. */
  public static final int MAX_DEPTH = 256;

  private static final char BOM = '\uFEFF';

  private RdfText() {}

  /**
   * Checks the text of {@code in}, in {@code lang}, named {@code display} in errors. Languages
   * other than Turtle, TriG, N-Triples, N-Quads and JSON-LD are not checked (RDF/XML declares its
   * own encoding).
   */
  public static void check(InputStream in, Lang lang, String display)
      throws SyntaxError, IOException {
    Scanner scanner = scanner(lang, display);
    if (scanner != null) {
      decode(in, scanner, display, null);
    }
  }

  /** The text of the Turtle file {@code file}, checked, without a byte-order mark. */
  public static String turtle(Path file, String display) throws SyntaxError {
    StringBuilder text = new StringBuilder();
    try (InputStream in = Files.newInputStream(file)) {
      decode(in, scanner(Lang.TURTLE, display), display, text);
    } catch (IOException e) {
      throw new SyntaxError(display, 0, 0, "cannot read: " + e.getMessage());
    }
    return text.toString();
  }

  private static Scanner scanner(Lang lang, String display) {
    if (RDFLanguages.sameLang(lang, Lang.JSONLD) || RDFLanguages.sameLang(lang, Lang.JSONLD11)) {
      return new Json(display);
    }
    boolean turtleLike =
        RDFLanguages.sameLang(lang, Lang.TURTLE)
            || RDFLanguages.sameLang(lang, Lang.TRIG)
            || RDFLanguages.sameLang(lang, Lang.NTRIPLES)
            || RDFLanguages.sameLang(lang, Lang.NQUADS);
    return turtleLike ? new Turtle(display) : null;
  }

  /** Decodes {@code in} strictly, feeding every character to {@code scanner} and to {@code out}. */
  private static void decode(InputStream in, Scanner scanner, String display, StringBuilder out)
      throws SyntaxError, IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    long consumed = 0;
    boolean end = false;
    while (!end) {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      end = n < 0;
      if (n > 0) {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      CoderResult result;
      do {
        result = decoder.decode(bytes, chars, end);
        feed(chars, scanner, out);
        if (result.isError()) {
          throw new SyntaxError(
              display,
              scanner.line,
              scanner.column + 1,
              "invalid UTF-8 at byte "
                  + (consumed + bytes.position() + 1)
                  + ": the file must be encoded in UTF-8");
        }
      } while (result.isOverflow());
      consumed += bytes.position();
      bytes.compact();
    }
    while (decoder.flush(chars).isOverflow()) {
      feed(chars, scanner, out);
    }
    feed(chars, scanner, out);
  }

  private static void feed(CharBuffer chars, Scanner scanner, StringBuilder out)
      throws SyntaxError {
    chars.flip();
    while (chars.hasRemaining()) {
      char c = chars.get();
      if (scanner.first) {
        scanner.first = false;
        if (c == BOM) {
          continue;
        }
      }
      scanner.next(c);
      if (out != null) {
        out.append(c);
      }
    }
    chars.clear();
  }

  /** Follows the text a character at a time: its place and the depth of nesting. */
  private abstract static class Scanner {
    final String display;
    boolean first = true;
    long line = 1;
    long column;
    int depth;

    Scanner(String display) {
      this.display = display;
    }

    void next(char c) throws SyntaxError {
      if (c == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
      step(c);
    }

    abstract void step(char c) throws SyntaxError;

    void open(String what) throws SyntaxError {
      if (++depth > MAX_DEPTH) {
        throw new SyntaxError(
            display,
            line,
            column,
            "more than "
                + MAX_DEPTH
                + " levels of nested "
                + what
                + ": write the inner values as separate resources");
      }
    }

    void close() {
      depth = Math.max(0, depth - 1);
    }
  }

  /** Turtle, TriG, N-Triples and N-Quads: {@code [ ( <<} nest, outside strings, IRIs, comments. */
  private static final class Turtle extends Scanner {
    private enum State {
      TEXT,
      ESCAPED_NAME,
      LESS,
      GREATER,
      IRI,
      COMMENT,
      QUOTE1,
      QUOTE2,
      STRING,
      STRING_ESCAPE,
      LONG_STRING,
      LONG_STRING_ESCAPE
    }

    private State state = State.TEXT;
    private char quote;
    private int quotes;

    Turtle(String display) {
      super(display);
    }

    @Override
    void step(char c) throws SyntaxError {
      switch (state) {
        case TEXT -> text(c);
        case ESCAPED_NAME -> state = State.TEXT;
        case LESS -> {
          if (c == '<') {
            open("blank nodes, collections or quoted triples");
            state = State.TEXT;
          } else {
            state = c == '>' ? State.TEXT : State.IRI;
          }
        }
        case GREATER -> {
          state = State.TEXT;
          if (c == '>') {
            close();
          } else {
            text(c);
          }
        }
        case IRI -> state = c == '>' ? State.TEXT : State.IRI;
        case COMMENT -> state = c == '\n' || c == '\r' ? State.TEXT : State.COMMENT;
        case QUOTE1 -> {
          if (c == quote) {
            state = State.QUOTE2;
          } else {
            state = State.STRING;
            string(c);
          }
        }
        case QUOTE2 -> {
          if (c == quote) {
            state = State.LONG_STRING;
            quotes = 0;
          } else {
            state = State.TEXT;
            text(c);
          }
        }
        case STRING -> string(c);
        case STRING_ESCAPE -> state = State.STRING;
        case LONG_STRING -> {
          if (c == quote) {
            quotes++;
          } else if (quotes >= 3) {
            state = State.TEXT;
            text(c);
          } else {
            quotes = 0;
            if (c == '\\') {
              state = State.LONG_STRING_ESCAPE;
            }
          }
        }
        case LONG_STRING_ESCAPE -> state = State.LONG_STRING;
      }
    }

    private void text(char c) throws SyntaxError {
      switch (c) {
        case '[', '(' -> open("blank nodes, collections or quoted triples");
        case ']', ')' -> close();
        case '<' -> state = State.LESS;
        case '>' -> state = State.GREATER;
        case '#' -> state = State.COMMENT;
        case '\\' -> state = State.ESCAPED_NAME;
        case '"', '\'' -> {
          quote = c;
          state = State.QUOTE1;
        }
        default -> {}
      }
    }

    private void string(char c) {
      if (c == '\\') {
        state = State.STRING_ESCAPE;
      } else if (c == quote) {
        state = State.TEXT;
      }
    }
  }

  /** JSON-LD: objects and arrays nest, outside strings. */
  private static final class Json extends Scanner {
    private boolean inString;
    private boolean escaped;

    Json(String display) {
      super(display);
    }

    @Override
    void step(char c) throws SyntaxError {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
        return;
      }
      switch (c) {
        case '"' -> inString = true;
        case '{', '[' -> open("JSON objects or arrays");
        case '}', ']' -> close();
        default -> {}
      }
    }
  }
}
