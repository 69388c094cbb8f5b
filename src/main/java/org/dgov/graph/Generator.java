package org.dgov.graph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.vocab.DGOV;

/**
 * A synthetic graph of the same shape as the curated one, for measuring scale: the curated data and
 * {@code scale - 1} copies of its actors, instruments, events, statistics and memberships (slugs
 * and labels suffixed by copy), sharing the states (an ISO 3166 code names one state), layers,
 * topics, principles and other concepts. Each copy carries exactly one injected violation, chosen
 * by a seeded random, so a run of scale N must report N - 1 violations. Deterministic for a seed.
 */
public final class Generator {

  /** The violations a copy may carry; the finding each gives names it. */
  enum Violation {
    MISSING_CHINESE_LABEL,
    PARTY_NOT_AN_ACTOR,
    FORCE_BEFORE_SIGNATURE,
    UNKNOWN_STATUS
  }

  private static final Set<Node> SHARED_TYPES =
      Set.of(
          DGOV.State.asNode(),
          DGOV.IssueLayer.asNode(),
          DGOV.Topic.asNode(),
          DGOV.GovernanceMode.asNode(),
          DGOV.Principle.asNode(),
          DGOV.Area.asNode(),
          DGOV.Indicator.asNode(),
          DGOV.Unit.asNode(),
          DGOV.BalancedRelation.asNode(),
          DGOV.GlobalisationStage.asNode(),
          SKOS.Concept.asNode(),
          SKOS.ConceptScheme.asNode(),
          NodeFactory.createURI("http://www.w3.org/ns/dcat#Dataset"),
          NodeFactory.createURI("http://rdfs.org/ns/void#Linkset"),
          NodeFactory.createURI("http://rdfs.org/ns/void#Dataset"));

  private Generator() {}

  /**
   * Writes a project at {@code out} — the curated ontology, shapes, configuration and source text
   * with {@code data/generated.ttl} (N-Triples, which is Turtle) — and returns the number of
   * violations injected.
   */
  public static int write(Project project, int scale, long seed, Path out)
      throws IOException, SyntaxError {
    CuratedGraph curated = CuratedGraph.load(project);
    for (String part : List.of("ontology", "shapes", "source", "queries", "rules")) {
      copy(project.root().resolve(part), out.resolve(part));
    }
    Files.copy(
        project.fusekiConfig(),
        out.resolve("fuseki-config.ttl"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(out.resolve("data"));
    Graph data = curated.data();
    Set<Node> shared = new HashSet<>();
    data.find(Node.ANY, RDF.type.asNode(), Node.ANY)
        .forEach(
            t -> {
              if (SHARED_TYPES.contains(t.getObject())) {
                shared.add(t.getSubject());
              }
            });
    // a copy is another resource: it does not share the original's identifiers and links
    Set<Node> identifying = new HashSet<>(Set.of(OWL.sameAs.asNode(), DGOV.eli.asNode()));
    curated
        .ontology()
        .find(Node.ANY, RDFS.subPropertyOf.asNode(), DCTerms.identifier.asNode())
        .forEach(t -> identifying.add(t.getSubject()));
    List<Triple> triples = data.find().toList();
    List<Node> agreements =
        data
            .find(Node.ANY, RDF.type.asNode(), DGOV.Agreement.asNode())
            .mapWith(Triple::getSubject)
            .toList()
            .stream()
            .sorted(java.util.Comparator.comparing(Node::getURI))
            .toList();
    Node topic = NodeFactory.createURI(DGOV.ID + "connectivity");
    Random random = new Random(seed);
    int injected = 0;
    try (BufferedWriter w =
        Files.newBufferedWriter(
            out.resolve("data").resolve("generated.ttl"), StandardCharsets.UTF_8)) {
      for (int copy = 0; copy < scale; copy++) {
        String suffix = copy == 0 ? "" : "-g" + copy;
        Node target =
            copy == 0
                ? null
                : rename(agreements.get(random.nextInt(agreements.size())), suffix, shared);
        Violation violation =
            copy == 0 ? null : Violation.values()[random.nextInt(Violation.values().length)];
        for (Triple t : triples) {
          if (copy > 0
              && (shared.contains(t.getSubject()) || identifying.contains(t.getPredicate()))) {
            continue;
          }
          Node s = rename(t.getSubject(), suffix, shared);
          Node o = rename(t.getObject(), suffix, shared);
          if (copy > 0 && t.getPredicate().equals(RDFS.label.asNode()) && t.getSubject().isURI()) {
            o =
                NodeFactory.createLiteralLang(
                    o.getLiteralLexicalForm() + " g" + copy, o.getLiteralLanguage());
            if (s.equals(target)
                && violation == Violation.MISSING_CHINESE_LABEL
                && o.getLiteralLanguage().equals("zh")) {
              continue;
            }
          }
          if (s.equals(target)
              && violation == Violation.FORCE_BEFORE_SIGNATURE
              && (t.getPredicate().equals(DGOV.dateEnteredIntoForce.asNode())
                  || t.getPredicate().equals(DGOV.dateSigned.asNode()))) {
            continue;
          }
          if (s.equals(target)
              && violation == Violation.UNKNOWN_STATUS
              && t.getPredicate().equals(DGOV.status.asNode())) {
            continue;
          }
          line(w, s, t.getPredicate(), o);
        }
        if (target != null) {
          injected++;
          switch (violation) {
            case PARTY_NOT_AN_ACTOR -> {
              line(w, target, DGOV.hasParty.asNode(), topic);
              Node evidence = NodeFactory.createBlankNode("injected" + copy);
              line(w, target, DGOV.evidence.asNode(), evidence);
              line(w, evidence, DGOV.attests.asNode(), topic);
              line(
                  w,
                  evidence,
                  DGOV.page.asNode(),
                  NodeFactory.createLiteralDT("15", XSDDatatype.XSDinteger));
              line(
                  w,
                  evidence,
                  DGOV.quote.asNode(),
                  NodeFactory.createLiteralLang("信息网络层的网络连通", "zh"));
            }
            case FORCE_BEFORE_SIGNATURE -> {
              line(
                  w,
                  target,
                  DGOV.dateSigned.asNode(),
                  NodeFactory.createLiteralDT("2022-06-01", XSDDatatype.XSDdate));
              line(
                  w,
                  target,
                  DGOV.dateEnteredIntoForce.asNode(),
                  NodeFactory.createLiteralDT("2021-01-01", XSDDatatype.XSDdate));
            }
            case UNKNOWN_STATUS ->
                line(w, target, DGOV.status.asNode(), NodeFactory.createURI(DGOV.NS + "Ratified"));
            case MISSING_CHINESE_LABEL -> {}
          }
        }
      }
    }
    return injected;
  }

  private static Node rename(Node node, String suffix, Set<Node> shared) {
    if (suffix.isEmpty() || shared.contains(node)) {
      return node;
    }
    if (node.isURI() && node.getURI().startsWith(DGOV.ID)) {
      return NodeFactory.createURI(node.getURI() + suffix);
    }
    if (node.isBlank()) {
      return NodeFactory.createBlankNode(node.getBlankNodeLabel() + suffix);
    }
    return node;
  }

  private static void line(BufferedWriter w, Node s, Node p, Node o) throws IOException {
    w.write(term(s) + ' ' + term(p) + ' ' + term(o) + " .\n");
  }

  /** N-Triples for a node; blank node labels made safe for the syntax. */
  private static String term(Node n) {
    return n.isBlank()
        ? "_:b" + n.getBlankNodeLabel().replaceAll("[^A-Za-z0-9]", "")
        : NodeFmtLib.strNT(n);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
