package org.dgov.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.json.JSON;

/** ISO 3166-1 code pairs from Debian's iso-codes package, where it is installed. */
public record IsoCodes(Map<String, String> alpha3ByAlpha2) {

  public static final Path DEBIAN = Path.of("/usr/share/iso-codes/json/iso_3166-1.json");

  /** The installed list, or empty where iso-codes is not installed. */
  public static Optional<IsoCodes> installed() {
    if (!Files.isReadable(DEBIAN)) {
      return Optional.empty();
    }
    Map<String, String> pairs = new HashMap<>();
    JSON.read(DEBIAN.toString())
        .get("3166-1")
        .getAsArray()
        .forEach(
            e ->
                pairs.put(
                    e.getAsObject().getString("alpha_2"), e.getAsObject().getString("alpha_3")));
    return Optional.of(new IsoCodes(Map.copyOf(pairs)));
  }

  /** Whether {@code alpha2} and {@code alpha3} are the codes of one and the same country. */
  public boolean isPair(String alpha2, String alpha3) {
    return alpha3.equals(alpha3ByAlpha2.get(alpha2));
  }
}
