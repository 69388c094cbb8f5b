package org.dgov.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * Picks the media type to answer with from the client's {@code Accept} header and what is offered.
 */
public final class ContentNegotiation {

  private ContentNegotiation() {}

  /**
   * The best of {@code offered} for {@code request}; the first offer when there is no {@code
   * Accept} header; empty when nothing offered is acceptable (406).
   */
  public static Optional<String> choose(HttpServletRequest request, AcceptList offered) {
    String accept = request.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return Optional.of(offered.entries().get(0).getContentTypeStr());
    }
    MediaType chosen = AcceptList.match(new AcceptList(accept), offered);
    return Optional.ofNullable(chosen).map(MediaType::getContentTypeStr);
  }
}
