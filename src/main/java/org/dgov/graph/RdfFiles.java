package org.dgov.graph;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;

/**
 * Reads curated RDF files strictly: with Jena RIOT, and Turtle also with RDF4J Rio, the portability
 * check for users of RDF4J-based stores. Either parser's complaint becomes a {@link SyntaxError}
 * naming file, line and column. Before either parser runs, {@link RdfText} checks that the text is
 * UTF-8 and nests no deeper than the parsers' stack allows; a byte-order mark is accepted.
 */
public final class RdfFiles {

  /** Relative IRIs in curated files resolve into the resource namespace. */
  private static final String BASE = "https://w3id.org/dgov/id/";

  private RdfFiles() {}

  /**
   * Parsing never touches the network or the file system: JSON-LD documents get no remote
   * {@code @context}. (RDF/XML external entities and DTDs are refused by Jena's own parser.) Set up
   * on first use of JSON-LD: the JSON-LD processor takes a while to start and Turtle needs none.
   */
  private static final class Offline {
    static final Context CONTEXT = offline();
  }

  private static Context context(Lang lang) {
    return RDFLanguages.sameLang(lang, Lang.JSONLD) || RDFLanguages.sameLang(lang, Lang.JSONLD11)
        ? Offline.CONTEXT
        : new Context();
  }

  private static Context offline() {
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(
        (url, loaderOptions) -> {
          throw new JsonLdError(
              JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
              "remote documents are not fetched: " + url);
        });
    Context context = new Context();
    context.set(LangJSONLD11.JSONLD_OPTIONS, options);
    return context;
  }

  /** A parsed file: its triples and the line where each IRI subject's description starts. */
  public record Parsed(String file, Graph graph, Supplier<Map<String, Long>> subjectLines) {
    public Location locate(String iri) {
      Long line = subjectLines.get().get(iri);
      return line == null ? null : new Location(file, line);
    }
  }

  /**
   * Parses {@code file}, named {@code display} in messages; the language comes from the extension.
   */
  public static Parsed parse(Path file, String display) throws SyntaxError {
    return parse(
        () -> Files.newInputStream(file),
        readableLang(file, display),
        display,
        BASE,
        labels(display));
  }

  /**
   * The blank nodes of the file named {@code display}: labels drawn from a seed made of the name,
   * so that every process that reads the same file gets the same nodes (a read replica applies the
   * primary's patches, which name the evidence nodes by label), still scoped to the file.
   */
  private static LabelToNode labels(String display) {
    return LabelToNode.createScopeByDocumentHash(
        UUID.nameUUIDFromBytes(
            ("dgov-kg curated file " + display).getBytes(StandardCharsets.UTF_8)));
  }

  /** The language of {@code file} from its extension; a file that cannot be read is an error. */
  private static Lang readableLang(Path file, String display) throws SyntaxError {
    if (!Files.isReadable(file)) {
      throw new SyntaxError(display, 0, 0, "cannot read: no such file");
    }
    return RDFLanguages.filenameToLang(file.toString(), Lang.TURTLE);
  }

  /**
   * Reads {@code file} with Jena only, for serving: RDF4J's portability check is {@code
   * validate}'s, and the subjects' lines are found by reading the file with RDF4J only if a finding
   * needs them.
   */
  public static Parsed read(Path file, String display) throws SyntaxError {
    Lang lang = readableLang(file, display);
    Source source = () -> Files.newInputStream(file);
    checkText(source, lang, display);
    Graph graph = jena(source, lang, display, BASE, labels(display));
    return new Parsed(
        display,
        graph,
        lang.equals(Lang.TURTLE) ? onFirstUse(source, display, BASE) : () -> Map.of());
  }

  /** Parses {@code bytes} in {@code lang}; Turtle is parsed by both Jena and RDF4J. */
  public static Parsed parse(byte[] bytes, Lang lang, String display) throws SyntaxError {
    return parse(bytes, lang, display, BASE);
  }

  /** As {@link #parse(byte[], Lang, String)}, resolving relative IRIs against {@code base}. */
  public static Parsed parse(byte[] bytes, Lang lang, String display, String base)
      throws SyntaxError {
    return parse(() -> new ByteArrayInputStream(bytes), lang, display, base, null);
  }

  /** Where the input comes from: opened once per parser, so files of any size are streamed. */
  private interface Source {
    InputStream open() throws IOException;
  }

  /** Jena and, for Turtle, RDF4J read the input at the same time; Jena's complaint comes first. */
  private static Parsed parse(
      Source source, Lang lang, String display, String base, LabelToNode labels)
      throws SyntaxError {
    checkText(source, lang, display);
    CompletableFuture<Map<String, Long>> lines =
        lang.equals(Lang.TURTLE)
            ? CompletableFuture.supplyAsync(() -> parseWithRdf4j(source, display, base))
            : CompletableFuture.completedFuture(Map.of());
    Graph graph = jena(source, lang, display, base, labels);
    try {
      Map<String, Long> found = lines.join();
      return new Parsed(display, graph, () -> found);
    } catch (CompletionException e) {
      if (e.getCause() instanceof SyntaxErrorCarrier carrier) {
        throw carrier.error;
      }
      throw e;
    }
  }

  /** The input is UTF-8 and nests no deeper than the parsers can follow ({@link RdfText}). */
  private static void checkText(Source source, Lang lang, String display) throws SyntaxError {
    try (InputStream in = source.open()) {
      RdfText.check(in, lang, display);
    } catch (IOException e) {
      throw new SyntaxError(display, 0, 0, "cannot read: " + e.getMessage());
    }
  }

  /** Parses with Jena; {@code labels} null gives each parse fresh blank nodes, Jena's default. */
  private static Graph jena(
      Source source, Lang lang, String display, String base, LabelToNode labels)
      throws SyntaxError {
    Graph graph = GraphFactory.createDefaultGraph();
    try (InputStream in = source.open()) {
      RDFParser.create()
          .labelToNode(labels)
          .source(in)
          .lang(lang)
          .base(base)
          .errorHandler(new Strict(display))
          .context(context(lang))
          .parse(graph);
    } catch (SyntaxErrorCarrier e) {
      throw e.error;
    } catch (RuntimeException e) {
      throw new SyntaxError(display, 0, 0, e.getMessage());
    } catch (StackOverflowError e) {
      throw tooDeep(display);
    } catch (IOException e) {
      throw new SyntaxError(display, 0, 0, "cannot read: " + e.getMessage());
    }
    return graph;
  }

  /** The subjects' lines, found on first use by reading the source with RDF4J; none if it fails. */
  private static Supplier<Map<String, Long>> onFirstUse(
      Source source, String display, String base) {
    return new Supplier<>() {
      private Map<String, Long> lines;

      @Override
      public synchronized Map<String, Long> get() {
        if (lines == null) {
          try {
            lines = parseWithRdf4j(source, display, base);
          } catch (SyntaxErrorCarrier e) {
            lines = Map.of();
          }
        }
        return lines;
      }
    };
  }

  private static Map<String, Long> parseWithRdf4j(Source source, String display, String base) {
    Map<String, Long> lines = new HashMap<>();
    long[] current = {0};
    var parser = Rio.createParser(RDFFormat.TURTLE);
    parser.setParseLocationListener((line, column) -> current[0] = line);
    parser.setRDFHandler(
        new AbstractRDFHandler() {
          @Override
          public void handleStatement(Statement st) {
            if (st.getSubject() instanceof IRI iri) {
              lines.putIfAbsent(iri.stringValue(), current[0]);
            }
          }
        });
    try {
      try (Reader in =
          new BufferedReader(
              new InputStreamReader(source.open(), StandardCharsets.UTF_8), 1 << 16)) {
        in.mark(1);
        if (in.read() != '\uFEFF') { // RDF4J Rio takes a byte-order mark for text
          in.reset();
        }
        parser.parse(in, base);
      }
    } catch (StackOverflowError e) {
      throw new SyntaxErrorCarrier(tooDeep(display));
    } catch (RDFParseException e) {
      throw new SyntaxErrorCarrier(
          new SyntaxError(
              display, e.getLineNumber(), e.getColumnNumber(), "RDF4J Rio: " + e.getMessage()));
    } catch (IOException e) {
      throw new SyntaxErrorCarrier(new SyntaxError(display, 0, 0, e.getMessage()));
    }
    return lines;
  }

  /** The parser ran out of stack: a backstop behind {@link RdfText}'s nesting limit. */
  private static SyntaxError tooDeep(String display) {
    return new SyntaxError(
        display, 0, 0, "nested too deeply to parse: write the inner values as separate resources");
  }

  /** Turns every RIOT warning and error into a {@link SyntaxError}: curated data has no excuses. */
  private record Strict(String display) implements ErrorHandler {
    @Override
    public void warning(String message, long line, long col) {
      throw new SyntaxErrorCarrier(new SyntaxError(display, line, col, message));
    }

    @Override
    public void error(String message, long line, long col) {
      throw new SyntaxErrorCarrier(new SyntaxError(display, line, col, message));
    }

    @Override
    public void fatal(String message, long line, long col) {
      throw new SyntaxErrorCarrier(new SyntaxError(display, line, col, message));
    }
  }

  /** Carries a checked {@link SyntaxError} out of an error handler or a parallel task. */
  private static final class SyntaxErrorCarrier extends RuntimeException {
    private final SyntaxError error;

    SyntaxErrorCarrier(SyntaxError error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }
  }
}
