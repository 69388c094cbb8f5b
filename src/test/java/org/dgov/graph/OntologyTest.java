package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ontology opens cleanly in an OWL tool and matches the build. */
@ExtendWith(Shared.class)
class OntologyTest {

  private static final List<Node> DECLARATIONS =
      List.of(
              OWL.Class,
              OWL.ObjectProperty,
              OWL.DatatypeProperty,
              OWL.AnnotationProperty,
              OWL.NamedIndividual,
              OWL.Ontology)
          .stream()
          .map(r -> r.asNode())
          .toList();

  private static CuratedGraph graph;
  private static Set<String> declared;

  @BeforeAll
  static void load(CuratedGraph curated) {
    graph = curated;
    declared = new TreeSet<>();
    for (Node kind : DECLARATIONS) {
      graph
          .ontology()
          .find(Node.ANY, RDF.type.asNode(), kind)
          // anonymous class expressions (an owl:unionOf) are not declarations
          .filterKeep(t -> t.getSubject().isURI())
          .forEach(t -> declared.add(t.getSubject().getURI()));
    }
  }

  @Test
  void versionMatchesTheBuild() {
    String version = System.getProperty("dgov.version");
    assertTrue(version != null, "run through Maven, which passes the project version");
    Node info =
        graph
            .ontology()
            .find(DGOV.ontology.asNode(), OWL.versionInfo.asNode(), Node.ANY)
            .next()
            .getObject();
    Node iri =
        graph
            .ontology()
            .find(DGOV.ontology.asNode(), OWL.versionIRI.asNode(), Node.ANY)
            .next()
            .getObject();
    assertEquals(version, info.getLiteralLexicalForm());
    assertEquals("https://w3id.org/dgov/ontology/" + version, iri.getURI());
  }

  @Test
  void everyTermTheOntologyUsesIsDeclared() {
    Set<String> undeclared = new TreeSet<>();
    for (Triple t : graph.ontology().find().toList()) {
      if (!isBuiltIn(t.getPredicate())) {
        requireDeclared(t.getPredicate(), undeclared);
      }
      if (t.getPredicate().equals(RDF.type.asNode())
          || t.getPredicate().equals(RDFS.subClassOf.asNode())
          || t.getPredicate().equals(RDFS.domain.asNode())
          || t.getPredicate().equals(RDFS.range.asNode())) {
        if (!isBuiltIn(t.getObject())
            && !t.getObject().getURI().startsWith("http://www.w3.org/2001/XMLSchema#")) {
          requireDeclared(t.getObject(), undeclared);
        }
      }
    }
    assertEquals(Set.of(), undeclared, "used in the ontology but not declared");
  }

  @Test
  void everyDgovTermUsedAnywhereIsDeclared() {
    Set<String> undeclared = new TreeSet<>();
    for (Graph g : List.of(graph.data(), graph.shapes())) {
      g.find()
          .forEach(
              t ->
                  List.of(t.getSubject(), t.getPredicate(), t.getObject())
                      .forEach(
                          n -> {
                            if (n.isURI() && n.getURI().startsWith(DGOV.NS)) {
                              requireDeclared(n, undeclared);
                            }
                          }));
    }
    Pattern term = Pattern.compile("dgov:([A-Za-z0-9]+)");
    for (NamedQuery query : NamedQuery.all(TestProjects.repository().queriesDir())) {
      Matcher m = term.matcher(query.text());
      while (m.find()) {
        if (!declared.contains(DGOV.NS + m.group(1))) {
          undeclared.add(query.name() + ": dgov:" + m.group(1));
        }
      }
    }
    assertEquals(Set.of(), undeclared);
  }

  @Test
  void everyPropertyTheDataUsesIsDeclared() {
    Set<String> undeclared = new TreeSet<>();
    graph
        .data()
        .find()
        .forEach(
            t -> {
              if (!isBuiltIn(t.getPredicate())) {
                requireDeclared(t.getPredicate(), undeclared);
              }
            });
    assertEquals(Set.of(), undeclared, "properties used in data/ but not declared in the ontology");
  }

  @Test
  void noPunning() {
    Map<String, Set<String>> kinds = new HashMap<>();
    for (Node kind : DECLARATIONS) {
      graph
          .ontology()
          .find(Node.ANY, RDF.type.asNode(), kind)
          .filterKeep(t -> t.getSubject().isURI())
          .forEach(
              t ->
                  kinds
                      .computeIfAbsent(t.getSubject().getURI(), k -> new TreeSet<>())
                      .add(kind.getLocalName()));
    }
    kinds.values().removeIf(k -> k.size() == 1);
    assertEquals(Map.of(), kinds, "IRIs declared as more than one kind of entity");
  }

  private static void requireDeclared(Node node, Set<String> undeclared) {
    if (node.isURI() && !declared.contains(node.getURI())) {
      undeclared.add(node.getURI());
    }
  }

  private static boolean isBuiltIn(Node node) {
    if (!node.isURI()) {
      return true;
    }
    String iri = node.getURI();
    return iri.startsWith(RDF.getURI())
        || iri.startsWith(RDFS.getURI())
        || iri.startsWith(OWL.getURI());
  }
}
