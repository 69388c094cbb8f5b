package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;

/**
 * Every state's ISO 3166-1 codes exist in Debian's iso-codes list, and its alpha-2, alpha-3 and
 * numeric codes are those of one and the same entry.
 */
class IsoCodesTest {

  @Test
  void statesCarryRealCodePairs() throws Exception {
    assumeTrue(
        IsoCodes.installed().isPresent(),
        IsoCodes.DEBIAN
            + " is missing: install Debian's iso-codes package (apt-get install iso-codes) to check ISO codes");
    IsoCodes codes = IsoCodes.installed().orElseThrow();
    assertTrue(codes.alpha3ByAlpha2().size() > 240, "could not read " + IsoCodes.DEBIAN);
    Graph graph = CuratedGraph.load(TestProjects.repository()).data();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (var t : graph.find(Node.ANY, DGOV.iso3166Alpha2.asNode(), Node.ANY).toList()) {
      String alpha2 = t.getObject().getLiteralLexicalForm();
      String alpha3 =
          graph
              .find(t.getSubject(), DGOV.iso3166Alpha3.asNode(), Node.ANY)
              .next()
              .getObject()
              .getLiteralLexicalForm();
      if (!codes.isPair(alpha2, alpha3)) {
        wrong.add(t.getSubject().getURI() + ": " + alpha2 + "/" + alpha3);
      }
      checked++;
    }
    assertTrue(checked > 50, "expected the states of the graph, found " + checked);
    assertEquals(List.of(), wrong, "codes not in iso-codes (alpha-2 with its alpha-3)");
  }

  @Test
  void numericCodesAreThoseOfTheSameEntry() throws Exception {
    assumeTrue(
        IsoCodes.installed().isPresent(),
        IsoCodes.DEBIAN
            + " is missing: install Debian's iso-codes package (apt-get install iso-codes) to check ISO codes");
    IsoCodes codes = IsoCodes.installed().orElseThrow();
    assertEquals(
        codes.alpha3ByAlpha2().keySet(),
        codes.numericByAlpha2().keySet(),
        "could not read the numeric codes of " + IsoCodes.DEBIAN);
    Map<String, String> alpha2ByNumeric =
        codes.numericByAlpha2().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    Graph graph = CuratedGraph.load(TestProjects.repository()).data();
    List<String> wrong = new ArrayList<>();
    List<Node> states =
        graph.find(Node.ANY, DGOV.iso3166Alpha2.asNode(), Node.ANY).toList().stream()
            .map(t -> t.getSubject())
            .toList();
    for (Node state : states) {
      String alpha2 = only(graph, state, DGOV.iso3166Alpha2.asNode());
      String alpha3 = only(graph, state, DGOV.iso3166Alpha3.asNode());
      String numeric = only(graph, state, DGOV.iso3166Numeric.asNode());
      String entry = alpha2ByNumeric.get(numeric);
      if (numeric == null
          || entry == null
          || !entry.equals(alpha2)
          || !codes.isNumericOf(alpha2, numeric)
          || !codes.isPair(alpha2, alpha3)) {
        wrong.add(
            state.getURI()
                + ": "
                + alpha2
                + "/"
                + alpha3
                + "/"
                + numeric
                + " (iso-codes: "
                + alpha2
                + "/"
                + codes.alpha3ByAlpha2().get(alpha2)
                + "/"
                + codes.numericByAlpha2().get(alpha2)
                + ")");
      }
    }
    assertTrue(states.size() > 50, "expected the states of the graph, found " + states.size());
    assertEquals(
        states.size(),
        graph.find(Node.ANY, DGOV.iso3166Numeric.asNode(), Node.ANY).toList().size(),
        "every state with ISO codes carries exactly one numeric code, and nothing else does");
    assertEquals(List.of(), wrong, "alpha-2, alpha-3 and numeric not of one iso-codes entry");
  }

  /** The one value of {@code property} on {@code subject}, or null where there is none. */
  private static String only(Graph graph, Node subject, Node property) {
    List<String> values =
        graph.find(subject, property, Node.ANY).toList().stream()
            .map(t -> t.getObject().getLiteralLexicalForm())
            .toList();
    assertTrue(values.size() <= 1, subject.getURI() + " has several values of " + property);
    return values.isEmpty() ? null : values.get(0);
  }
}
