package org.dgov.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.vocab.DGOV;

/**
 * A derivation rule kept in {@code rules/NAME.rq}: a SPARQL CONSTRUCT whose results are
 * materialised like the RDFS closure. Its header names it ({@code # title:}, {@code # title-zh:},
 * {@code # description:}) and may cite the paper ({@code # page:}, {@code # quote:}).
 *
 * <p>A rule states why it derives what it derives: the blank nodes of its template (a {@code
 * dgov:Derivation} naming the derived statement with {@code rdf:subject}, {@code rdf:predicate},
 * {@code rdf:object} and the resource it went {@code dgov:via}) become IRIs that depend only on
 * their content, so the same derivation has the same IRI in every run and on every replica; each
 * derivation also names its rule ({@code dgov:byRule}).
 */
public record Rule(
    String name,
    String title,
    String titleZh,
    String description,
    Integer page,
    String quote,
    Query query) {

  private static final Pattern HEADER =
      Pattern.compile("^#\\s*(title|title-zh|description|page|quote):\\s*(.*)$", Pattern.MULTILINE);

  /** The IRI of derivation nodes: {@code dgr:derivation-} and a hash of the node's content. */
  private static final String DERIVATION = DGOV.ID + "derivation-";

  /**
   * Reads {@code file}: a CONSTRUCT query with a title in English and Chinese.
   *
   * @throws IllegalArgumentException naming the file when the query does not parse, is not a
   *     CONSTRUCT or lacks a title
   */
  public static Rule read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    if (!query.isConstructType()) {
      throw new IllegalArgumentException(file + ": a rule is a CONSTRUCT query");
    }
    Map<String, String> header = header(text);
    for (String key : List.of("title", "title-zh", "description")) {
      if (!header.containsKey(key)) {
        throw new IllegalArgumentException(file + ": the header lacks '# " + key + ":'");
      }
    }
    Integer page = Optional.ofNullable(header.get("page")).map(Integer::valueOf).orElse(null);
    return new Rule(
        name,
        header.get("title"),
        header.get("title-zh"),
        header.get("description"),
        page,
        header.get("quote"),
        query);
  }

  /** Every rule in {@code dir}, by name; none when there is no such folder. */
  public static List<Rule> all(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".rq")).sorted().map(Rule::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This rule's IRI, {@code dgr:rule-NAME}. */
  public Node iri() {
    return NodeFactory.createURI(DGOV.ID + "rule-" + name);
  }

  /** What this rule derives from {@code graph}, its blank nodes made stable IRIs. */
  public List<Triple> apply(Graph graph) {
    Graph derived = QueryExec.graph(graph).query(query).construct();
    Map<Node, Node> stable = new HashMap<>();
    derived
        .find()
        .mapWith(Triple::getSubject)
        .filterKeep(Node::isBlank)
        .forEach(b -> stable.computeIfAbsent(b, n -> derivationIri(derived, n)));
    List<Triple> out = new ArrayList<>();
    derived
        .find()
        .forEach(
            t ->
                out.add(
                    Triple.create(
                        stable.getOrDefault(t.getSubject(), t.getSubject()),
                        t.getPredicate(),
                        stable.getOrDefault(t.getObject(), t.getObject()))));
    stable.values().forEach(d -> out.add(Triple.create(d, DGOV.byRule.asNode(), iri())));
    return out;
  }

  /**
   * This rule as a resource of the served graph: labelled, described, with its query text and the
   * page and quote of the paper it rests on.
   */
  public Graph asResource() {
    Graph g = GraphFactory.createDefaultGraph();
    Node rule = iri();
    g.add(rule, RDF.type.asNode(), DGOV.Rule.asNode());
    g.add(rule, RDFS.label.asNode(), NodeFactory.createLiteralLang(title, "en"));
    g.add(rule, RDFS.label.asNode(), NodeFactory.createLiteralLang(titleZh, "zh"));
    g.add(rule, DCTerms.description.asNode(), NodeFactory.createLiteralLang(description, "en"));
    g.add(rule, DGOV.constructQuery.asNode(), NodeFactory.createLiteralString(query.serialize()));
    if (page != null && quote != null) {
      Node evidence = NodeFactory.createURI(rule.getURI() + "-evidence");
      g.add(rule, DGOV.evidence.asNode(), evidence);
      g.add(
          evidence,
          DGOV.page.asNode(),
          NodeFactory.createLiteralDT(page.toString(), XSDDatatype.XSDinteger));
      g.add(evidence, DGOV.quote.asNode(), NodeFactory.createLiteralLang(quote, "zh"));
    }
    return g;
  }

  /** An IRI for blank node {@code b} made of this rule's name and what {@code b} says. */
  private Node derivationIri(Graph derived, Node b) {
    TreeSet<String> content = new TreeSet<>();
    derived
        .find(b, Node.ANY, Node.ANY)
        .forEach(t -> content.add(t.getPredicate() + " " + t.getObject()));
    String key = name + "\n" + String.join("\n", content);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return NodeFactory.createURI(DERIVATION + HexFormat.of().formatHex(hash, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> header(String text) {
    Map<String, String> header = new HashMap<>();
    Matcher m = HEADER.matcher(text);
    while (m.find()) {
      header.putIfAbsent(m.group(1), m.group(2).trim());
    }
    return header;
  }
}
