package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.dgov.Shared;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Official identifiers of instruments ({@code data/identifiers.ttl}): each has the form its shape
 * requires, a CELEX number of an act agrees with the act's ELI, each rests on an official page, and
 * the graph keeps at least the identifiers found so far.
 */
@ExtendWith(Shared.class)
class IdentifiersTest {

  /** Instruments with at least one identifier when the identifiers were last curated. */
  private static final int FLOOR = 29;

  private static final List<Node> KINDS =
      List.of(
              DGOV.celex,
              DGOV.ecli,
              DGOV.eli,
              DGOV.unSymbol,
              DGOV.untsNumber,
              DGOV.cetsNumber,
              DGOV.usPublicLaw,
              DGOV.executiveOrder,
              DGOV.doi,
              DGOV.nationalNumber,
              DGOV.oecdLegalInstrument,
              DGOV.usBill,
              DGOV.isbn,
              DGOV.wtoSymbol)
          .stream()
          .map(p -> p.asNode())
          .toList();

  private static final Pattern CELEX_ACT = Pattern.compile("^3([0-9]{4})([RLD])([0-9]{4})");
  private static final Pattern ELI_ACT =
      Pattern.compile("^http://data\\.europa\\.eu/eli/([a-z]+)(_[a-z]+)?/([0-9]{4})/([0-9]+)/oj$");

  /** CELEX of a judgment: sector 6, year of the case, court (C, T, F) and document type, number. */
  private static final Pattern CELEX_CASE =
      Pattern.compile("^6([0-9]{4})([CTF])([A-Z])([0-9]{4})$");

  private static final Pattern ECLI_EU = Pattern.compile("^ECLI:EU:([CTF]):([0-9]{4}):[0-9]+$");

  private static CuratedGraph curated;
  private static Graph data;

  @BeforeAll
  static void load(CuratedGraph graph) {
    curated = graph;
    data = graph.data();
  }

  private static List<Triple> identifiers(Node kind) {
    return data.find(Node.ANY, kind, Node.ANY).toList();
  }

  @Test
  void theOntologyDeclaresEveryKindAsAnIdentifier() {
    for (Node kind : KINDS) {
      if (kind.equals(DGOV.eli.asNode())) {
        assertTrue(
            curated.ontology().contains(kind, RDF.type.asNode(), OWL2.ObjectProperty.asNode()),
            "dgov:eli");
      } else {
        assertTrue(
            curated
                .ontology()
                .contains(kind, RDFS.subPropertyOf.asNode(), DCTerms.identifier.asNode()),
            kind + " is not a subproperty of dcterms:identifier");
        assertTrue(
            curated.ontology().contains(kind, RDF.type.asNode(), OWL2.DatatypeProperty.asNode()),
            kind + " is not a datatype property");
      }
    }
  }

  @Test
  void everyIdentifierMatchesThePatternOfItsShape() {
    List<String> wrong = new ArrayList<>();
    for (Node kind : KINDS) {
      Pattern pattern = patternOf(kind);
      for (Triple t : identifiers(kind)) {
        Node value = t.getObject();
        String text = value.isURI() ? value.getURI() : value.getLiteralLexicalForm();
        if (kind.equals(DGOV.eli.asNode()) != value.isURI() || !pattern.matcher(text).find()) {
          wrong.add(t.getSubject().getLocalName() + " " + kind.getLocalName() + " " + text);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyCelexNumberOfAnActAgreesWithItsEli() {
    List<String> disagree = new ArrayList<>();
    int compared = 0;
    for (Triple t : identifiers(DGOV.celex.asNode())) {
      Matcher celex = CELEX_ACT.matcher(t.getObject().getLiteralLexicalForm());
      List<Triple> elis = data.find(t.getSubject(), DGOV.eli.asNode(), Node.ANY).toList();
      if (!celex.find()) {
        continue;
      }
      assertEquals(1, elis.size(), t.getSubject() + ": an act with a CELEX number needs its ELI");
      Matcher eli = ELI_ACT.matcher(elis.get(0).getObject().getURI());
      assertTrue(eli.matches(), elis.get(0).getObject().getURI());
      String expectedKind = Map.of("R", "reg", "L", "dir", "D", "dec").get(celex.group(2));
      compared++;
      if (!celex.group(1).equals(eli.group(3))
          || !expectedKind.equals(eli.group(1))
          || Integer.parseInt(celex.group(3)) != Integer.parseInt(eli.group(4))) {
        disagree.add(celex.group() + " vs " + eli.group());
      }
    }
    assertEquals(List.of(), disagree);
    assertTrue(compared >= 3, "GDPR, the DSA and the Korea adequacy decision carry both");
  }

  @Test
  void theKindsAreExactlyTheOntologysIdentifierProperties() {
    Set<String> declared = new TreeSet<>();
    curated
        .ontology()
        .find(Node.ANY, RDFS.subPropertyOf.asNode(), DCTerms.identifier.asNode())
        .filterKeep(t -> t.getSubject().getURI().startsWith(DGOV.NS))
        .filterDrop(t -> ofPlaces(t.getSubject()))
        .forEach(t -> declared.add(t.getSubject().getLocalName()));
    declared.add(DGOV.eli.getLocalName());
    Set<String> kinds = new TreeSet<>();
    KINDS.forEach(k -> kinds.add(k.getLocalName()));
    assertEquals(declared, kinds, "every identifier property needs its pattern checked here");
  }

  /**
   * A judgment's CELEX number (sector 6) and its ECLI name the same court, and the judgment (the
   * ECLI's year) cannot come before the case was lodged (the CELEX year).
   */
  @Test
  void everyJudgmentsCelexAgreesWithItsEcli() {
    List<String> disagree = new ArrayList<>();
    int compared = 0;
    for (Triple t : identifiers(DGOV.ecli.asNode())) {
      Matcher ecli = ECLI_EU.matcher(t.getObject().getLiteralLexicalForm());
      if (!ecli.matches()) {
        continue;
      }
      List<Triple> celexes = data.find(t.getSubject(), DGOV.celex.asNode(), Node.ANY).toList();
      assertEquals(1, celexes.size(), t.getSubject() + ": an EU judgment needs its CELEX number");
      String celexText = celexes.get(0).getObject().getLiteralLexicalForm();
      Matcher celex = CELEX_CASE.matcher(celexText);
      compared++;
      if (!celex.matches()
          || !celex.group(2).equals(ecli.group(1))
          || Integer.parseInt(ecli.group(2)) < Integer.parseInt(celex.group(1))) {
        disagree.add(celexText + " vs " + ecli.group());
      }
    }
    assertEquals(List.of(), disagree);
    assertTrue(compared >= 1, "the Schrems II judgment carries both");
  }

  /** The last digit of an ISBN-13 is its check digit (weights 1 and 3, modulo 10). */
  @Test
  void everyIsbnHasItsCheckDigit() {
    List<String> wrong = new ArrayList<>();
    List<Triple> isbns = identifiers(DGOV.isbn.asNode());
    for (Triple t : isbns) {
      String digits = t.getObject().getLiteralLexicalForm().replace("-", "");
      int sum = 0;
      for (int i = 0; i < 12; i++) {
        sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
      }
      if (digits.length() != 13 || (10 - sum % 10) % 10 != digits.charAt(12) - '0') {
        wrong.add(t.getSubject().getLocalName() + " " + t.getObject().getLiteralLexicalForm());
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(!isbns.isEmpty(), "the UNCTAD Digital Economy Report 2021 carries one");
  }

  /**
   * A Chinese order number is written as the order is headed: the issuing bodies, joined by 、 where
   * there are several, then 令第, the number in Arabic digits and 号, with no spaces.
   */
  @Test
  void everyChineseOrderNumberIsWrittenAsTheOrderIsHeaded() {
    Pattern order = Pattern.compile("^[\\p{IsHan}]+(、[\\p{IsHan}]+)*令第[1-9][0-9]*号$");
    List<String> wrong = new ArrayList<>();
    int orders = 0;
    for (Triple t : identifiers(DGOV.nationalNumber.asNode())) {
      String number = t.getObject().getLiteralLexicalForm();
      if (!number.contains("令")) {
        continue;
      }
      orders++;
      if (!order.matcher(number).matches()) {
        wrong.add(t.getSubject().getLocalName() + " " + number);
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(orders >= 2, "the deep synthesis and algorithm recommendation provisions carry one");
  }

  @Test
  void noIdentifierNamesTwoInstruments() {
    Map<String, Set<String>> holders = new TreeMap<>();
    for (Node kind : KINDS) {
      for (Triple t : identifiers(kind)) {
        Node value = t.getObject();
        String key =
            kind.getLocalName()
                + " "
                + (value.isURI() ? value.getURI() : value.getLiteralLexicalForm());
        holders.computeIfAbsent(key, k -> new TreeSet<>()).add(t.getSubject().getLocalName());
      }
    }
    for (Triple t : data.find(Node.ANY, OWL2.sameAs.asNode(), Node.ANY).toList()) {
      holders
          .computeIfAbsent("sameAs " + t.getObject().getURI(), k -> new TreeSet<>())
          .add(t.getSubject().getLocalName());
    }
    Map<String, Set<String>> shared = new TreeMap<>();
    holders.forEach(
        (k, v) -> {
          if (v.size() > 1) {
            shared.put(k, v);
          }
        });
    assertEquals(Map.of(), shared, "identifiers or links held by more than one resource");
    assertTrue(holders.size() > FLOOR, "the identifiers were not read");
  }

  /**
   * An instrument's owl:sameAs goes to a Wikidata entity or a DBpedia resource, and a note on the
   * instrument names the entity or article and the source that confirmed it.
   */
  @Test
  void everyLinkOfAnInstrumentIsToWikidataOrDbpediaAndNoted() {
    Graph closure = Inference.closure(curated);
    Pattern link =
        Pattern.compile(
            "^http://(www\\.wikidata\\.org/entity/Q[1-9][0-9]*|dbpedia\\.org/resource/\\S+)$");
    List<String> wrong = new ArrayList<>();
    int links = 0;
    for (Triple t : data.find(Node.ANY, OWL2.sameAs.asNode(), Node.ANY).toList()) {
      if (!closure.contains(t.getSubject(), RDF.type.asNode(), DGOV.Instrument.asNode())) {
        continue;
      }
      links++;
      String iri = t.getObject().getURI();
      String name = iri.substring(iri.lastIndexOf('/') + 1);
      boolean noted =
          data.find(t.getSubject(), SKOS.editorialNote.asNode(), Node.ANY).toList().stream()
              .map(n -> n.getObject().getLiteralLexicalForm())
              .anyMatch(
                  note ->
                      note.contains(name) && note.contains("verified against")
                          || note.contains(name) && note.contains("DBpedia IRI"));
      if (!link.matcher(iri).matches() || !noted) {
        wrong.add(t.getSubject().getLocalName() + " " + iri);
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(links >= 6, links + " links on instruments");
  }

  @Test
  void everyIdentifierRestsOnAnOfficialPageAndEveryEliIsAttested() {
    List<String> unsourced = new ArrayList<>();
    for (Node instrument : instrumentsWithIdentifiers()) {
      List<Node> evidence =
          data.find(instrument, DGOV.evidence.asNode(), Node.ANY)
              .mapWith(Triple::getObject)
              .toList();
      boolean sourced =
          evidence.stream()
              .anyMatch(
                  e ->
                      data.find(e, DCTerms.source.asNode(), Node.ANY)
                          .filterKeep(s -> s.getObject().isURI())
                          .hasNext());
      if (!sourced) {
        unsourced.add(instrument.getLocalName());
      }
      for (Triple eli : data.find(instrument, DGOV.eli.asNode(), Node.ANY).toList()) {
        assertTrue(
            evidence.stream()
                .anyMatch(e -> data.contains(e, DGOV.attests.asNode(), eli.getObject())),
            instrument.getLocalName() + ": the ELI is not attested");
      }
    }
    assertEquals(List.of(), unsourced);
  }

  @Test
  void identifiersAreOnInstrumentsOnly() {
    Graph view = curated.view();
    Node instrumentClass = DGOV.Instrument.asNode();
    Graph closure = Inference.closure(curated);
    for (Node instrument : instrumentsWithIdentifiers()) {
      assertTrue(
          closure.contains(instrument, RDF.type.asNode(), instrumentClass),
          instrument + " is not an instrument");
      assertTrue(
          view.contains(instrument, RDFS.label.asNode(), Node.ANY), instrument + " has no label");
    }
  }

  @Test
  void atLeastTheCuratedNumberOfInstrumentsCarryAnIdentifier() {
    Graph closure = Inference.closure(curated);
    int instruments =
        closure.find(Node.ANY, RDF.type.asNode(), DGOV.Instrument.asNode()).toList().size();
    Map<String, Integer> perKind = new TreeMap<>();
    for (Node kind : KINDS) {
      perKind.put(kind.getLocalName(), identifiers(kind).size());
    }
    Set<Node> with = instrumentsWithIdentifiers();
    System.out.println(
        "instruments with an official identifier: "
            + with.size()
            + " of "
            + instruments
            + "; by kind: "
            + perKind);
    assertTrue(with.size() >= FLOOR, with.size() + " instruments carry an identifier");
  }

  @ParameterizedTest
  @CsvSource({
    "identifier-invalid-celex.ttl, a CELEX number is sector",
    "identifier-invalid-ecli.ttl, an ECLI is ECLI",
    "identifier-invalid-celex-disagrees-with-eli.ttl, does not agree with the ELI",
    "identifier-invalid-eli-unattested.ttl, has no evidence: add dgov:attests",
    "identifier-invalid-oecd-legal.ttl, an OECD legal instrument number is OECD/LEGAL/",
    "identifier-invalid-us-bill.ttl, the number and the Congress in brackets",
    "identifier-invalid-shared.ttl, is already the identifier of",
    "identifier-invalid-isbn.ttl, an ISBN is the 13 digits of the imprint",
    "identifier-invalid-wto-symbol.ttl, a WTO document symbol is the series"
  })
  void aBadEntryIsRefusedWithTheCuratorsMessage(String fixture, String message)
      throws IOException, SyntaxError {
    Path file = Path.of("src/test/resources/shapes").resolve(fixture);
    Report report =
        Validation.validateEntries(
            curated,
            List.of(RdfFiles.parse(file, fixture)),
            SourceText.read(TestProjects.repository().sourceText()));
    assertTrue(!report.conforms(), fixture + " conforms");
    assertTrue(
        report.findings().stream().anyMatch(f -> f.message().contains(message)),
        fixture + ": " + report.findings());
  }

  private static Set<Node> instrumentsWithIdentifiers() {
    Set<Node> with = new TreeSet<>((a, b) -> a.getURI().compareTo(b.getURI()));
    for (Node kind : KINDS) {
      identifiers(kind).forEach(t -> with.add(t.getSubject()));
    }
    return with;
  }

  /** The codes of states and areas, which IsoCodesTest and their shapes check. */
  private static boolean ofPlaces(Node property) {
    return curated.ontology().contains(property, RDFS.domain.asNode(), DGOV.State.asNode())
        || curated.ontology().contains(property, RDFS.domain.asNode(), DGOV.Area.asNode());
  }

  private static Pattern patternOf(Node kind) {
    Node shape = NodeFactory.createURI(DGOV.SHAPES + "IdentifierShape-" + kind.getLocalName());
    List<Triple> paths = curated.shapes().find(shape, SHACL.path, kind).toList();
    assertEquals(1, paths.size(), kind + " has no property shape " + shape);
    List<Triple> patterns = curated.shapes().find(shape, SHACL.pattern, Node.ANY).toList();
    assertEquals(1, patterns.size(), shape + " has no sh:pattern");
    return Pattern.compile(patterns.get(0).getObject().getLiteralLexicalForm());
  }
}
