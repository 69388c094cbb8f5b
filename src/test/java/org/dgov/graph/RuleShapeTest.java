package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** What a changed statement reaches through a rule, and which heads a rule is run for. */
class RuleShapeTest {

  private static final String DGOV = "https://w3id.org/dgov/ontology#";
  private static final RuleShape BY_CLASS =
      RuleShape.of(Rule.read(Path.of("rules/mode-by-class-intergovernmental.rq")));
  private static final RuleShape THROUGH_ADOPTED =
      RuleShape.of(Rule.read(Path.of("rules/coverage-through-adopted-instruments.rq")));

  @Test
  void aTypeOutsideTheRulesValuesReachesNothing() {
    Graph graph = GraphFactory.createDefaultGraph();
    Node derivation = id("derivation-1");
    Triple recorded = Triple.create(derivation, RDF.type.asNode(), dgov("Derivation"));
    graph.add(recorded);
    assertEquals(Set.of(), BY_CLASS.reached(recorded, graph), "a derivation record is no head");
    assertEquals(false, BY_CLASS.feeds(List.of(recorded), Set.of(derivation)));

    Triple forum = Triple.create(id("forum"), RDF.type.asNode(), dgov("Forum"));
    graph.add(forum);
    assertEquals(Set.of(id("forum")), BY_CLASS.reached(forum, graph), "a listed class reaches");
    assertEquals(true, BY_CLASS.feeds(List.of(forum), Set.of(id("forum"))));
  }

  @Test
  void aRuleIsRunOnlyForHeadsThatMatchWhatItRequires() {
    Graph graph = GraphFactory.createDefaultGraph();
    Node mechanism = dgov("GovernanceMechanism");
    graph.add(id("g7"), RDF.type.asNode(), mechanism);
    graph.add(id("forum"), RDF.type.asNode(), mechanism);
    graph.add(id("roadmap"), NodeFactory.createURI(DGOV + "adoptedBy"), id("g7"));
    graph.add(id("roadmap"), NodeFactory.createURI(DGOV + "coversTopic"), id("data-flows"));
    assertEquals(
        List.of(id("g7")),
        THROUGH_ADOPTED.candidates(List.of(id("g7"), id("forum")), graph),
        "the forum has adopted nothing");
  }

  private static Node id(String name) {
    return NodeFactory.createURI("https://w3id.org/dgov/id/" + name);
  }

  private static Node dgov(String name) {
    return NodeFactory.createURI(DGOV + name);
  }
}
