package org.dgov.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.json.JSON;

/**
 * ISO 3166-1 codes from Debian's iso-codes package, where it is installed: for each alpha-2 code,
 * the alpha-3 and the numeric code of the same entry.
 */
public record IsoCodes(Map<String, String> alpha3ByAlpha2, Map<String, String> numericByAlpha2) {

  public static final Path DEBIAN = Path.of("/usr/share/iso-codes/json/iso_3166-1.json");

  /** The installed list, read once; empty where iso-codes is not installed. */
  public static Optional<IsoCodes> installed() {
    return Installed.CODES;
  }

  /** Holds the list, read when first asked for. */
  private static final class Installed {
    static final Optional<IsoCodes> CODES = read();
  }

  private static Optional<IsoCodes> read() {
    if (!Files.isReadable(DEBIAN)) {
      return Optional.empty();
    }
    Map<String, String> alpha3 = new HashMap<>();
    Map<String, String> numeric = new HashMap<>();
    JSON.read(DEBIAN.toString())
        .get("3166-1")
        .getAsArray()
        .forEach(
            e -> {
              String alpha2 = e.getAsObject().getString("alpha_2");
              alpha3.put(alpha2, e.getAsObject().getString("alpha_3"));
              numeric.put(alpha2, e.getAsObject().getString("numeric"));
            });
    return Optional.of(new IsoCodes(Map.copyOf(alpha3), Map.copyOf(numeric)));
  }

  /** Whether {@code alpha2} and {@code alpha3} are the codes of one and the same country. */
  public boolean isPair(String alpha2, String alpha3) {
    return alpha3.equals(alpha3ByAlpha2.get(alpha2));
  }

  /** Whether {@code numeric} is the numeric code of the country whose alpha-2 code is given. */
  public boolean isNumericOf(String alpha2, String numeric) {
    return numeric.equals(numericByAlpha2.get(alpha2));
  }
}
