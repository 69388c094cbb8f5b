package org.dgov.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The white paper's text, page by page as printed, for checking quotes with white space ignored.
 */
public final class SourceText {

  private static final Pattern PAGE = Pattern.compile("^=== page (\\S+) ===$", Pattern.MULTILINE);
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final Map<String, String> pages;

  private SourceText(Map<String, String> pages) {
    this.pages = pages;
  }

  /** Reads a text with {@code === page N ===} markers. */
  public static SourceText read(Path file) throws IOException {
    String text = Files.readString(file);
    Map<String, String> pages = new LinkedHashMap<>();
    Matcher m = PAGE.matcher(text);
    String page = null;
    int start = 0;
    while (m.find()) {
      if (page != null) {
        pages.put(page, squeeze(text.substring(start, m.start())));
      }
      page = m.group(1);
      start = m.end();
    }
    if (page != null) {
      pages.put(page, squeeze(text.substring(start)));
    }
    if (pages.isEmpty()) {
      throw new IOException(file + ": no '=== page N ===' markers");
    }
    return new SourceText(pages);
  }

  /** Whether {@code quote} stands on {@code page}, white space ignored. */
  public boolean onPage(String page, String quote) {
    String text = pages.get(page);
    return text != null && text.contains(squeeze(quote));
  }

  /** The first page that holds {@code quote}, if any: a hint for a wrong page number. */
  public Optional<String> findPage(String quote) {
    String q = squeeze(quote);
    return pages.entrySet().stream()
        .filter(e -> e.getValue().contains(q))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static String squeeze(String s) {
    return SPACE.matcher(s).replaceAll("");
  }
}
