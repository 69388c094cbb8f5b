package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.Shared;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cases the incremental entailment must get right, each checked against the entailment recomputed
 * from scratch: a deleted support whose statement stands on another, statements that only support
 * each other, a rule whose FILTER NOT EXISTS turns false and true again, and the two fallbacks (a
 * rule with a property path recomputed on its own, a FILTER NOT EXISTS over derived statements
 * recomputing everything).
 */
@ExtendWith(Shared.class)
class IncrementalEntailmentTest {

  static {
    JenaSystem.init();
  }

  private static final Node TYPE = RDF.type.asNode();
  private static final Node COVERS = DGOV.coversTopic.asNode();
  private static final Node MODE = DGOV.governanceMode.asNode();
  private static final Node TOPIC = node("topic-under-test");

  private CuratedGraph curated;
  private Inference inference;
  private Graph served;
  private Graph listed;

  @BeforeEach
  void load(CuratedGraph shared) {
    curated = shared;
    start(curated.rules(), List.of());
  }

  @Test
  void aStatementWhoseSupportGoesStandsOnItsOtherSupport() {
    Node g7 = node("g7-under-test");
    Node roadmap = node("roadmap-under-test");
    Node declaration = node("declaration-under-test");
    start(
        curated.rules(),
        List.of(
            t(g7, TYPE, DGOV.Forum.asNode()),
            t(roadmap, TYPE, DGOV.Roadmap.asNode()),
            t(declaration, TYPE, DGOV.Declaration.asNode()),
            t(roadmap, DGOV.adoptedBy.asNode(), g7),
            t(declaration, DGOV.adoptedBy.asNode(), g7),
            t(roadmap, COVERS, TOPIC),
            t(declaration, COVERS, TOPIC)));
    assertEquals(2, derivations(g7, COVERS, TOPIC).size());
    apply(Set.of(), Set.of(t(roadmap, DGOV.adoptedBy.asNode(), g7)));
    assertTrue(served.contains(t(g7, COVERS, TOPIC)), "rederived through the declaration");
    assertEquals(List.of(declaration), vias(g7, COVERS, TOPIC));
    apply(Set.of(), Set.of(t(declaration, COVERS, TOPIC)));
    assertFalse(served.contains(t(g7, COVERS, TOPIC)), "no support is left");
    assertTrue(derivations(g7, COVERS, TOPIC).isEmpty());
  }

  @Test
  void statementsThatOnlySupportEachOtherGo() {
    Node a = node("a-under-test");
    Node b = node("b-under-test");
    Node chapter = node("chapter-under-test");
    start(
        curated.rules(),
        List.of(
            t(a, TYPE, DGOV.Agreement.asNode()),
            t(b, TYPE, DGOV.Agreement.asNode()),
            t(a, DCTerms.isPartOf.asNode(), b),
            t(b, DCTerms.isPartOf.asNode(), a),
            t(chapter, DCTerms.isPartOf.asNode(), a),
            t(chapter, COVERS, TOPIC)));
    assertTrue(served.contains(t(b, COVERS, TOPIC)));
    apply(Set.of(), Set.of(t(chapter, COVERS, TOPIC)));
    assertFalse(served.contains(t(a, COVERS, TOPIC)), "a and b no longer hold each other up");
    assertFalse(served.contains(t(b, COVERS, TOPIC)));
  }

  @Test
  void aDefaultModeGoesWhenAModeIsStatedAndComesBackWhenItIsRemoved() {
    Node forum = node("forum-under-test");
    Node intergovernmental = NodeFactory.createURI(DGOV.ID + "intergovernmental-cooperation");
    Node multistakeholder = NodeFactory.createURI(DGOV.ID + "multistakeholder");
    start(curated.rules(), List.of(t(forum, TYPE, DGOV.Forum.asNode())));
    assertTrue(served.contains(t(forum, MODE, intergovernmental)), "the typology's mode");
    Triple stated = t(forum, MODE, multistakeholder);
    apply(Set.of(stated), Set.of());
    assertFalse(served.contains(t(forum, MODE, intergovernmental)), "the stated mode wins");
    assertTrue(derivations(forum, MODE, intergovernmental).isEmpty());
    apply(Set.of(), Set.of(stated));
    assertTrue(served.contains(t(forum, MODE, intergovernmental)));
    apply(Set.of(t(forum, TYPE, DGOV.MultistakeholderOrganization.asNode())), Set.of());
    assertFalse(served.contains(t(forum, MODE, intergovernmental)));
    assertTrue(served.contains(t(forum, MODE, multistakeholder)), "the other rule applies now");
  }

  @Test
  void theRulesInRulesAreKeptIncrementally() {
    assertNull(inference.incremental().recomputedWholeBecause());
    assertTrue(inference.incremental().recomputedRules().isEmpty());
  }

  @Test
  void aRuleWithAPropertyPathIsRecomputedOnItsOwn() {
    Rule broader =
        rule(
            "coverage-of-broader-topics",
            """
            PREFIX dgov: <https://w3id.org/dgov/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            CONSTRUCT { ?m dgov:coversTopic ?b .
              _:why a dgov:Derivation ; rdf:subject ?m ; rdf:predicate dgov:coversTopic ;
                rdf:object ?b ; dgov:via ?t . }
            WHERE { ?m dgov:coversTopic ?t . ?t skos:broader+ ?b . ?m a dgov:Forum }
            """);
    List<Rule> rules = withCuratedRules(broader);
    Node forum = node("forum-under-test");
    Node narrow = node("narrow-under-test");
    Node middle = node("middle-under-test");
    start(
        rules,
        List.of(
            t(forum, TYPE, DGOV.Forum.asNode()),
            t(forum, COVERS, narrow),
            t(narrow, SKOS.broader.asNode(), middle)));
    assertNull(inference.incremental().recomputedWholeBecause());
    assertEquals(List.of(broader), inference.incremental().recomputedRules());
    apply(Set.of(t(middle, SKOS.broader.asNode(), TOPIC)), Set.of());
    assertTrue(served.contains(t(forum, COVERS, TOPIC)), "two steps up the path");
    apply(Set.of(), Set.of(t(narrow, SKOS.broader.asNode(), middle)));
    assertFalse(served.contains(t(forum, COVERS, TOPIC)));
  }

  @Test
  void aFilterNotExistsOverDerivedStatementsRecomputesTheWhole() {
    Rule idle =
        rule(
            "status-of-idle-mechanisms",
            """
            PREFIX dgov: <https://w3id.org/dgov/ontology#>
            PREFIX dgr: <https://w3id.org/dgov/id/>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            CONSTRUCT { ?m dgov:status dgr:idle .
              _:why a dgov:Derivation ; rdf:subject ?m ; rdf:predicate dgov:status ;
                rdf:object dgr:idle ; dgov:via dgov:GovernanceMechanism . }
            WHERE { ?m a dgov:GovernanceMechanism . FILTER NOT EXISTS { ?m dgov:coversTopic ?t } }
            """);
    List<Rule> rules = withCuratedRules(idle);
    Node forum = node("forum-under-test");
    Node roadmap = node("roadmap-under-test");
    start(
        rules,
        List.of(t(forum, TYPE, DGOV.Forum.asNode()), t(roadmap, DGOV.adoptedBy.asNode(), forum)));
    String why = inference.incremental().recomputedWholeBecause();
    assertNotNull(why);
    assertTrue(why.contains("status-of-idle-mechanisms") && why.contains("coversTopic"), why);
    apply(Set.of(t(roadmap, COVERS, TOPIC)), Set.of());
    apply(Set.of(), Set.of(t(roadmap, COVERS, TOPIC)));
  }

  @Test
  void statementsAddedAndRemovedAtOnceMeetInTheMiddle() {
    Node g7 = node("g7-under-test");
    Node roadmap = node("roadmap-under-test");
    start(curated.rules(), List.of(t(g7, TYPE, DGOV.Forum.asNode()), t(roadmap, COVERS, TOPIC)));
    apply(
        Set.of(t(roadmap, DGOV.adoptedBy.asNode(), g7)), Set.of(t(g7, TYPE, DGOV.Forum.asNode())));
    apply(
        Set.of(t(g7, TYPE, DGOV.IntergovernmentalOrganization.asNode())),
        Set.of(t(roadmap, COVERS, TOPIC)));
    apply(Set.of(t(roadmap, COVERS, TOPIC)), Set.of());
    assertTrue(served.contains(t(g7, COVERS, TOPIC)));
  }

  @Test
  void aHeadFoundThroughOneBranchOfAUnionIsReached() {
    Rule either =
        rule(
            "coverage-through-either-link",
            """
            PREFIX dgov: <https://w3id.org/dgov/ontology#>
            PREFIX ex: <https://example.org/>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            CONSTRUCT { ?m dgov:coversTopic ?t .
              _:why a dgov:Derivation ; rdf:subject ?m ; rdf:predicate dgov:coversTopic ;
                rdf:object ?t ; dgov:via ?i . }
            WHERE { ?i dgov:coversTopic ?t .
              { ?i ex:sponsoredBy ?m } UNION { ?i ex:heldAt ?e . ?e ex:organisedBy ?m }
              ?m a dgov:Forum }
            """);
    List<Rule> rules = withCuratedRules(either);
    Node forum = node("forum-under-test");
    Node meeting = node("meeting-under-test");
    Node roadmap = node("roadmap-under-test");
    start(
        rules,
        List.of(
            t(forum, TYPE, DGOV.Forum.asNode()),
            t(meeting, example("organisedBy"), forum),
            t(roadmap, example("heldAt"), meeting)));
    apply(Set.of(t(roadmap, COVERS, TOPIC)), Set.of());
    assertTrue(served.contains(t(forum, COVERS, TOPIC)), "the roadmap has no ex:sponsoredBy");
  }

  /** The ontology and {@code data}, with everything entailed, served and listed. */
  @Test
  void aStatementOfAPropertyTheEntailmentNeitherReadsNorDerivesReachesNothing() {
    Node forum = node("noted-forum-under-test");
    start(curated.rules(), List.of(t(forum, TYPE, DGOV.Forum.asNode()), t(forum, COVERS, TOPIC)));
    List<Triple> lookups = new ArrayList<>();
    Graph watched =
        new WrappedGraph(served) {
          @Override
          public ExtendedIterator<Triple> find(Triple m) {
            lookups.add(m);
            return super.find(m);
          }

          @Override
          public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            lookups.add(Triple.createMatch(s, p, o));
            return super.find(s, p, o);
          }
        };
    Triple note = t(forum, SKOS.editorialNote.asNode(), NodeFactory.createLiteralString("a note"));
    served.add(note);
    Change change = inference.update(watched, listed, new Change(Set.of(note), Set.of()));
    assertEquals(new Change(Set.of(note), Set.of()), change);
    assertEquals(
        List.of(),
        lookups.stream().filter(m -> !m.isConcrete()).toList(),
        "the forum's entailment is not looked at again");
    apply(Set.of(), Set.of(note));
  }

  private void start(List<Rule> rules, List<Triple> data) {
    inference = new Inference(curated.ontology(), rules);
    served = GraphFactory.createDefaultGraph();
    curated.ontology().find().forEach(served::add);
    data.forEach(served::add);
    listed = GraphFactory.createDefaultGraph();
    inference.entailed(served).forEach(listed::add);
    listed.find().forEach(served::add);
  }

  /** Applies a change incrementally and checks it against a recomputation from scratch. */
  private void apply(Set<Triple> added, Set<Triple> removed) {
    removed.forEach(served::delete);
    added.forEach(served::add);
    inference.update(served, listed, new Change(added, removed));
    Graph asserted = GraphFactory.createDefaultGraph();
    served.find().filterDrop(listed::contains).forEach(asserted::add);
    assertEquals(inference.entailed(asserted), listed.find().toSet(), "as from scratch");
    assertTrue(listed.find().filterDrop(served::contains).toList().isEmpty());
  }

  private List<Node> derivations(Node s, Node p, Node o) {
    return served
        .find(Node.ANY, RDF.subject.asNode(), s)
        .mapWith(Triple::getSubject)
        .filterKeep(d -> served.contains(d, RDF.predicate.asNode(), p))
        .filterKeep(d -> served.contains(d, RDF.object.asNode(), o))
        .toList();
  }

  private List<Node> vias(Node s, Node p, Node o) {
    return derivations(s, p, o).stream()
        .flatMap(
            d ->
                served
                    .find(d, DGOV.via.asNode(), Node.ANY)
                    .mapWith(Triple::getObject)
                    .toList()
                    .stream())
        .toList();
  }

  /** The rules in {@code rules/}, then {@code extra}. */
  private List<Rule> withCuratedRules(Rule extra) {
    List<Rule> rules = new ArrayList<>(curated.rules());
    rules.add(extra);
    return rules;
  }

  private static Rule rule(String name, String query) {
    return new Rule(name, name, name, "a rule under test", null, null, QueryFactory.create(query));
  }

  private static Node example(String name) {
    return NodeFactory.createURI("https://example.org/" + name);
  }

  private static Node node(String slug) {
    return NodeFactory.createURI(DGOV.ID + slug);
  }

  private static Triple t(Node s, Node p, Node o) {
    return Triple.create(s, p, o);
  }
}
