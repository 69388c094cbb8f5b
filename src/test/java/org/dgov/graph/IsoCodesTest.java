package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.dgov.TestProjects;
import org.dgov.vocab.DGOV;
import org.junit.jupiter.api.Test;

/** Every state's ISO 3166-1 codes exist, as a pair, in Debian's iso-codes list. */
class IsoCodesTest {

  private static final Path ISO_CODES = Path.of("/usr/share/iso-codes/json/iso_3166-1.json");

  @Test
  void statesCarryRealCodePairs() throws Exception {
    assumeTrue(
        Files.exists(ISO_CODES),
        ISO_CODES
            + " is missing: install Debian's iso-codes package (apt-get install iso-codes) to check ISO codes");
    Map<String, String> alpha3ByAlpha2 = new HashMap<>();
    JSON.read(ISO_CODES.toString())
        .get("3166-1")
        .getAsArray()
        .forEach(
            e ->
                alpha3ByAlpha2.put(
                    e.getAsObject().getString("alpha_2"), e.getAsObject().getString("alpha_3")));
    assertTrue(alpha3ByAlpha2.size() > 240, "could not read " + ISO_CODES);
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
      if (!alpha3.equals(alpha3ByAlpha2.get(alpha2))) {
        wrong.add(t.getSubject().getURI() + ": " + alpha2 + "/" + alpha3);
      }
      checked++;
    }
    assertTrue(checked > 50, "expected the states of the graph, found " + checked);
    assertEquals(List.of(), wrong, "codes not in iso-codes (alpha-2 with its alpha-3)");
  }
}
