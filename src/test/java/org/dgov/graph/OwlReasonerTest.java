package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.XSD;
import org.dgov.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.AxiomType;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLLiteral;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.profiles.violations.UseOfDefinedDatatypeInDatatypeRestriction;
import org.semanticweb.owlapi.profiles.violations.UseOfDefinedDatatypeInLiteral;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * The ontology as OWL tools see it: the OWL API (which Protégé, ROBOT and most OWL tools are built
 * on) reads it as OWL 2 DL without a profile violation, and the HermiT reasoner finds ontology and
 * served graph consistent, while a mis-typed entry (an event that is also an instrument, a state
 * that is also an organisation, two dates of entry into force) makes it inconsistent.
 */
@ExtendWith(Shared.class)
class OwlReasonerTest {

  private static final String DGOV = "https://w3id.org/dgov/ontology#";
  private static final String DGR = "https://w3id.org/dgov/id/";
  private static final Set<String> DATE_TYPES =
      Set.of(XSD.date.getURI(), XSD.gYear.getURI(), XSD.gYearMonth.getURI());

  private static CuratedGraph curated;
  private static Graph served;

  /** The served graph as the OWL API reads it, and HermiT on it: read and reasoned once. */
  private static OWLOntology servedOwl;

  private static OWLReasoner servedReasoner;

  @BeforeAll
  static void load(CuratedGraph graph) throws OWLOntologyCreationException {
    curated = graph;
    served = Inference.closure(graph);
    servedOwl = owl(served);
    servedReasoner = hermit(servedOwl);
  }

  @Test
  void theOntologyIsOwl2Dl() throws OWLOntologyCreationException {
    OWLOntology ontology = owl(curated.ontology());
    assertEquals(List.of(), violations(ontology), "OWL 2 DL profile violations of the ontology");
  }

  @Test
  void theOntologyDeclaresNoReservedVocabulary() throws OWLOntologyCreationException {
    // the OWL API 5 profile check lets Declaration(ObjectProperty(owl:sameAs)) pass; OWL 2 DL
    // (section 2.3 of the structural specification) and OWL API 4-based tools do not
    List<String> reserved =
        owl(curated.ontology())
            .axioms(AxiomType.DECLARATION)
            .map(d -> d.getEntity().getIRI())
            .filter(iri -> iri.isReservedVocabulary() && !iri.toString().startsWith(XSD.getURI()))
            .map(IRI::toString)
            .sorted()
            .toList();
    assertEquals(List.of(), reserved, "declarations of reserved (OWL, RDF, RDFS) IRIs");
  }

  @Test
  void everyDatatypeTheGraphUsesIsBuiltInOrDeclared() {
    OWLOntology graph = servedOwl;
    Set<String> undeclared = new TreeSet<>();
    graph
        .datatypesInSignature()
        .filter(d -> !d.isBuiltIn() && !graph.isDeclared(d))
        .forEach(d -> undeclared.add(d.getIRI().toString()));
    assertEquals(Set.of(), undeclared);
  }

  @Test
  void noClassSharesALabelWithAProperty() {
    // Protégé and other tools show terms by label: "Evidence" and "evidence" read as one term
    String query =
        """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?class ?property WHERE {
          ?class a owl:Class ; rdfs:label ?a .
          ?property rdfs:label ?b .
          { ?property a owl:ObjectProperty } UNION { ?property a owl:DatatypeProperty }
          FILTER (LCASE(STR(?a)) = LCASE(STR(?b)) && LANG(?a) = LANG(?b))
        }""";
    List<String> shared = new java.util.ArrayList<>();
    try (var exec =
        QueryExecutionFactory.create(query, ModelFactory.createModelForGraph(curated.ontology()))) {
      exec.execSelect()
          .forEachRemaining(s -> shared.add(s.getResource("class") + " ~ " + s.get("property")));
    }
    assertEquals(List.of(), shared);
  }

  @Test
  void theServedGraphIsOwl2DlButForItsDateLiterals() {
    // xsd:date, xsd:gYear and xsd:gYearMonth are not in the OWL 2 datatype map: their literals in
    // the data are the one thing OWL 2 DL does not allow (the ontology declares the datatypes)
    List<String> violations =
        new OWL2DLProfile()
            .checkOntology(servedOwl).getViolations().stream()
                .filter(v -> !isDateLiteral(v))
                .map(OWLProfileViolation::toString)
                .sorted()
                .toList();
    assertEquals(List.of(), violations, "OWL 2 DL profile violations of the served graph");
  }

  private static boolean isDateLiteral(OWLProfileViolation violation) {
    return (violation instanceof UseOfDefinedDatatypeInLiteral
            || violation instanceof UseOfDefinedDatatypeInDatatypeRestriction)
        && violation.getExpression() instanceof OWLLiteral literal
        && DATE_TYPES.contains(literal.getDatatype().getIRI().toString());
  }

  @Test
  void everyClassOfTheOntologyIsSatisfiable() throws OWLOntologyCreationException {
    OWLReasoner reasoner = hermit(owl(curated.ontology()));
    assertTrue(reasoner.isConsistent());
    Set<String> unsatisfiable = new TreeSet<>();
    reasoner
        .getUnsatisfiableClasses()
        .getEntitiesMinusBottom()
        .forEach(c -> unsatisfiable.add(c.getIRI().toString()));
    assertEquals(Set.of(), unsatisfiable);
  }

  @Test
  void theServedGraphIsConsistent() {
    assertTrue(servedReasoner.isConsistent(), "HermiT finds ontology and data inconsistent");
  }

  @Test
  void noResourceHasTwoDisjointTypes() {
    // what the reasoner would find first, said in a way a curator can act on
    String query =
        """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT DISTINCT ?x ?a ?b WHERE {
          { ?d a owl:AllDisjointClasses ; owl:members/rdf:rest*/rdf:first ?a, ?b }
          UNION { ?a owl:disjointWith ?b }
          FILTER (?a != ?b)
          ?x a ?a, ?b .
        }""";
    List<String> clashes = new java.util.ArrayList<>();
    try (var exec = QueryExecutionFactory.create(query, ModelFactory.createModelForGraph(served))) {
      exec.execSelect()
          .forEachRemaining(
              (QuerySolution s) ->
                  clashes.add(
                      s.getResource("x") + " is " + s.getResource("a") + " and " + s.get("b")));
    }
    assertEquals(List.of(), clashes);
  }

  @Test
  void noEventIsInferredToBeAnInstrument() {
    OWLReasoner reasoner = servedReasoner;
    OWLDataFactory df = servedOwl.getOWLOntologyManager().getOWLDataFactory();
    OWLClass event = df.getOWLClass(IRI.create(DGOV + "Event"));
    OWLClass instrument = df.getOWLClass(IRI.create(DGOV + "Instrument"));
    Set<OWLNamedIndividual> events = reasoner.getInstances(event, false).getFlattened();
    assertFalse(events.isEmpty());
    Set<OWLNamedIndividual> instruments = reasoner.getInstances(instrument, false).getFlattened();
    events.retainAll(instruments);
    assertEquals(Set.of(), events);
  }

  @Test
  void anEventTypedAsAnInstrumentIsInconsistent() throws OWLOntologyCreationException {
    assertInconsistent("<" + DGR + "wto-mc12> a dgov:Report .");
  }

  @Test
  void aStateTypedAsAnOrganizationIsInconsistent() throws OWLOntologyCreationException {
    assertInconsistent("<" + DGR + "china> a dgov:IntergovernmentalOrganization .");
  }

  @Test
  void anEventWithAStatusIsInconsistent() throws OWLOntologyCreationException {
    // the domain of dgov:status makes it an instrument, which no event is
    assertInconsistent("<" + DGR + "wto-mc12> dgov:status dgov:Adopted .");
  }

  @Test
  void aStateWithTwoAlpha2CodesIsInconsistent() throws OWLOntologyCreationException {
    // dgov:iso3166Alpha2 is functional (HermiT ignores the date datatypes, so the dates cannot show
    // the same)
    assertInconsistent("<" + DGR + "china> dgov:iso3166Alpha2 \"ZH\" .");
  }

  @Test
  void twoStatesWithOneIsoCodeAreTheSameState() throws OWLOntologyCreationException {
    OWLOntology graph = owl(with("dgr:second-china a dgov:State ; dgov:iso3166Alpha2 \"CN\" ."));
    OWLReasoner reasoner = hermit(graph);
    OWLDataFactory df = graph.getOWLOntologyManager().getOWLDataFactory();
    assertTrue(
        reasoner
            .getSameIndividuals(df.getOWLNamedIndividual(IRI.create(DGR + "china")))
            .contains(df.getOWLNamedIndividual(IRI.create(DGR + "second-china"))));
  }

  private static void assertInconsistent(String turtle) throws OWLOntologyCreationException {
    Graph graph = with(turtle);
    assertTrue(graph.size() > served.size(), "the control adds a statement");
    assertFalse(hermit(owl(graph)).isConsistent(), "HermiT should find this inconsistent");
  }

  /** The served graph with some statements added. */
  private static Graph with(String turtle) {
    Graph graph = GraphFactory.createDefaultGraph();
    served.find().forEach(graph::add);
    String prefixes =
        """
        PREFIX dgov: <https://w3id.org/dgov/ontology#>
        PREFIX dgr: <https://w3id.org/dgov/id/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        """;
    RDFParser.fromString(prefixes + turtle, Lang.TURTLE).parse(graph);
    return graph;
  }

  /** The graph as the OWL API reads it from Turtle, as a tool given the file would. */
  static OWLOntology owl(Graph graph) throws OWLOntologyCreationException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, graph, Lang.NTRIPLES); // Turtle that any parser reads
    OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
    return manager.loadOntologyFromOntologyDocument(
        new StringDocumentSource(
            out.toString(StandardCharsets.UTF_8),
            "urn:dgov:test",
            new TurtleDocumentFormat(),
            null));
  }

  static List<String> violations(OWLOntology ontology) {
    return new OWL2DLProfile()
        .checkOntology(ontology).getViolations().stream()
            .map(OWLProfileViolation::toString)
            .sorted()
            .toList();
  }

  private static OWLReasoner hermit(OWLOntology ontology) {
    Configuration configuration = new Configuration();
    // xsd:date, xsd:gYear and xsd:gYearMonth are not in the OWL 2 datatype map
    configuration.ignoreUnsupportedDatatypes = true;
    return new ReasonerFactory().createReasoner(ontology, configuration);
  }
}
