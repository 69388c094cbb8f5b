package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;

/** Every state's ISO 3166-1 codes exist, as a pair, in Debian's iso-codes list. */
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
}
