package org.dgov.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDFS;
import org.dgov.TestProjects;
import org.dgov.graph.CuratedGraph;
import org.dgov.graph.SyntaxError;
import org.junit.jupiter.api.Test;

/** The Java constants and the ontology name the same terms. */
class DGOVTest {

  @Test
  void constantsAreExactlyTheOntologyTerms() throws SyntaxError, IllegalAccessException {
    CuratedGraph graph = CuratedGraph.load(TestProjects.repository());
    Set<String> declared = new TreeSet<>();
    graph
        .ontology()
        .find(Node.ANY, RDFS.isDefinedBy.asNode(), DGOV.ontology.asNode())
        .forEach(t -> declared.add(t.getSubject().getURI()));
    Set<String> constants = new TreeSet<>();
    for (Field field : DGOV.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && Resource.class.isAssignableFrom(field.getType())) {
        Resource term = (Resource) field.get(null);
        if (!term.equals(DGOV.ontology)) {
          assertEquals(DGOV.NS + field.getName(), term.getURI(), "constant named unlike its term");
          constants.add(term.getURI());
        }
      }
    }
    Set<String> missing = new TreeSet<>(declared);
    missing.removeAll(constants);
    Set<String> extra = new TreeSet<>(constants);
    extra.removeAll(declared);
    assertEquals(Set.of(), missing, "ontology terms without a constant in DGOV");
    assertEquals(Set.of(), extra, "constants in DGOV that the ontology does not declare");
  }

  @Test
  void theShapesSayWhatASlugIsAsDgovDoes() throws SyntaxError {
    CuratedGraph graph = CuratedGraph.load(TestProjects.repository());
    String expected = "^" + DGOV.ID.replace(".", "\\.") + DGOV.SLUG.pattern() + "$";
    List<String> patterns =
        graph.shapes().find(Node.ANY, SHACL.pattern, Node.ANY).toList().stream()
            .map(t -> t.getObject().getLiteralLexicalForm())
            .filter(p -> p.contains("w3id\\.org/dgov/id/"))
            .toList();
    assertFalse(patterns.isEmpty(), "the shapes check slugs somewhere");
    patterns.forEach(p -> assertEquals(expected, p, "a slug pattern of the shapes"));
  }
}
