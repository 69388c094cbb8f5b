package org.dgov.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The history of a writable store: every accepted write as a PROV-O activity in the named graph
 * {@link #GRAPH}, numbered from 1 in commit order, with who made it ({@code
 * prov:wasAssociatedWith}), when ({@code prov:endedAtTime}), the curator's message ({@code
 * rdfs:comment}), the resources whose statements it changed ({@code dcterms:subject}), the entries
 * it deleted on purpose ({@code prov:invalidated}), the write it reverts ({@code
 * prov:wasInfluencedBy}) and its RDF Patch ({@code rdf:value}). Each activity follows the one
 * before ({@code prov:wasInformedBy}); the graph itself names the latest ({@code
 * dcterms:hasVersion}).
 */
public final class History {

  /** The named graph of the history. */
  public static final Node GRAPH = NodeFactory.createURI("https://w3id.org/dgov/graph/history");

  /**
   * The history graph of {@code dataset}, read inside a transaction: empty where nothing was ever
   * written (a read-only server), without creating the graph, which a read transaction may not.
   */
  public static Graph in(DatasetGraph dataset) {
    return dataset.containsGraph(GRAPH) ? dataset.getGraph(GRAPH) : Graph.emptyGraph;
  }

  private static final String PROV = "http://www.w3.org/ns/prov#";
  private static final String CHANGE = "https://w3id.org/dgov/change/";
  private static final String USER = "https://w3id.org/dgov/user/";
  private static final Node ACTIVITY = uri(PROV + "Activity");
  private static final Node AGENT = uri(PROV + "Agent");
  private static final Node ASSOCIATED = uri(PROV + "wasAssociatedWith");
  private static final Node ENDED = uri(PROV + "endedAtTime");
  private static final Node INFORMED = uri(PROV + "wasInformedBy");
  private static final Node INVALIDATED = uri(PROV + "invalidated");
  private static final Node INFLUENCED = uri(PROV + "wasInfluencedBy");
  private static final Node TYPE = RDF.type.asNode();
  private static final Node VALUE = RDF.value.asNode();
  private static final Node LABEL = RDFS.label.asNode();
  private static final Node COMMENT = RDFS.comment.asNode();
  private static final Node IDENTIFIER = DCTerms.identifier.asNode();
  private static final Node SUBJECT = DCTerms.subject.asNode();
  private static final Node LATEST = DCTerms.hasVersion.asNode();

  /**
   * One accepted write.
   *
   * @param version its number, from 1, in commit order
   * @param user who made it
   * @param time when it committed
   * @param message the curator's message ({@code ""} when none was given)
   * @param subjects the resources whose statements it changed
   * @param deleted the entries it deleted on purpose
   * @param reverts the version it reverts, 0 when it reverts none
   * @param patch its RDF Patch, as text
   */
  public record Entry(
      long version,
      String user,
      Instant time,
      String message,
      List<Node> subjects,
      List<Node> deleted,
      long reverts,
      String patch) {}

  private History() {}

  /** The IRI of the activity of {@code version}. */
  public static Node activity(long version) {
    return uri(CHANGE + version);
  }

  /** The version of the latest write in {@code history}; 0 when there is none. */
  public static long version(Graph history) {
    return G.find(history, GRAPH, LATEST, Node.ANY)
        .nextOptional()
        .map(t -> number(history, t.getObject()))
        .orElse(0L);
  }

  /** Adds {@code entry}, which must be the next version, to {@code history}. */
  public static void record(Graph history, Entry entry) {
    record(history, List.of(entry));
  }

  /**
   * Adds {@code entries}, which must be the next versions in order, to {@code history}, and moves
   * its latest version once, to the last of them.
   */
  public static void record(Graph history, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    long before = version(history);
    long latest = before;
    Set<String> users = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.version() != latest + 1) {
        throw new IllegalArgumentException(
            "version " + entry.version() + " does not follow version " + latest);
      }
      Node a = activity(entry.version());
      Node user = uri(USER + entry.user());
      history.add(a, TYPE, ACTIVITY);
      history.add(
          a,
          IDENTIFIER,
          NodeFactory.createLiteralDT(Long.toString(entry.version()), XSDDatatype.XSDinteger));
      history.add(a, ASSOCIATED, user);
      if (users.add(entry.user())) {
        history.add(user, TYPE, AGENT);
        history.add(user, LABEL, NodeFactory.createLiteralString(entry.user()));
      }
      history.add(
          a, ENDED, NodeFactory.createLiteralDT(entry.time().toString(), XSDDatatype.XSDdateTime));
      if (!entry.message().isEmpty()) {
        history.add(a, COMMENT, NodeFactory.createLiteralString(entry.message()));
      }
      entry.subjects().forEach(s -> history.add(a, SUBJECT, s));
      entry.deleted().forEach(s -> history.add(a, INVALIDATED, s));
      if (entry.reverts() > 0) {
        history.add(a, INFLUENCED, activity(entry.reverts()));
      }
      history.add(a, VALUE, NodeFactory.createLiteralString(entry.patch()));
      if (latest > 0) {
        history.add(a, INFORMED, activity(latest));
      }
      latest = entry.version();
    }
    if (before > 0) {
      history.delete(GRAPH, LATEST, activity(before));
    }
    history.add(GRAPH, LATEST, activity(latest));
  }

  /** The write of {@code version}, if there is one. */
  public static Optional<Entry> entry(Graph history, long version) {
    Node a = activity(version);
    if (!history.contains(a, TYPE, ACTIVITY)) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            version,
            string(history, G.getOneSP(history, a, ASSOCIATED), LABEL),
            Instant.parse(string(history, a, ENDED)),
            string(history, a, COMMENT),
            sorted(G.listSP(history, a, SUBJECT)),
            sorted(G.listSP(history, a, INVALIDATED)),
            G.find(history, a, INFLUENCED, Node.ANY)
                .nextOptional()
                .map(t -> number(history, t.getObject()))
                .orElse(0L),
            string(history, a, VALUE)));
  }

  /** The writes after {@code since}, in order, at most {@code limit} of them. */
  public static List<Entry> since(Graph history, long since, int limit) {
    long last = Math.min(version(history), since + limit);
    List<Entry> entries = new ArrayList<>();
    for (long v = Math.max(since, 0) + 1; v <= last; v++) {
      entry(history, v).ifPresent(entries::add);
    }
    return entries;
  }

  /** The writes that changed statements about {@code resource}, latest first. */
  public static List<Entry> about(Graph history, Node resource) {
    List<Node> activities = new ArrayList<>(G.listPO(history, SUBJECT, resource));
    activities.addAll(G.listPO(history, INVALIDATED, resource));
    return activities.stream()
        .map(a -> number(history, a))
        .distinct()
        .sorted(Comparator.reverseOrder())
        .map(v -> entry(history, v).orElseThrow())
        .toList();
  }

  /** The activities of {@code entries} and their agents, as RDF (without the patches' text). */
  public static Graph describe(Graph history, List<Entry> entries) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefix("prov", PROV).setNsPrefix("dcterms", DCTerms.NS);
    out.getPrefixMapping().setNsPrefix("rdfs", RDFS.uri).setNsPrefix("change", CHANGE);
    for (Entry e : entries) {
      Node a = activity(e.version());
      for (Triple t : history.find(a, Node.ANY, Node.ANY).toList()) {
        if (!t.getPredicate().equals(VALUE)) {
          out.add(t);
        }
      }
      Node user = G.getOneSP(history, a, ASSOCIATED);
      history.find(user, Node.ANY, Node.ANY).forEach(out::add);
    }
    return out;
  }

  private static long number(Graph history, Node activity) {
    return Long.parseLong(G.getOneSP(history, activity, IDENTIFIER).getLiteralLexicalForm());
  }

  private static String string(Graph history, Node subject, Node predicate) {
    return G.find(history, subject, predicate, Node.ANY)
        .nextOptional()
        .map(t -> t.getObject().getLiteralLexicalForm())
        .orElse("");
  }

  private static List<Node> sorted(List<Node> nodes) {
    return nodes.stream().sorted(Comparator.comparing(Node::toString)).toList();
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }
}
