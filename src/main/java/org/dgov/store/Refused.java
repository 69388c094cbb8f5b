package org.dgov.store;

import org.apache.jena.fuseki.servlets.ActionErrorException;

/**
 * A write rolled back, carrying its {@link Refusal}: Fuseki answers it with the refusal's status,
 * and the dataset tells the refusal to whoever answers the request with the reason or the report.
 */
final class Refused extends ActionErrorException {

  private final transient Refusal refusal;

  Refused(Refusal refusal) {
    super(refusal.status(), refusal.reason(), null);
    this.refusal = refusal;
  }

  /** A write that breaks an invariant, answered 422 with {@code reason}. */
  static Refused because(String reason) {
    return new Refused(new Refusal(422, reason, null));
  }

  Refusal refusal() {
    return refusal;
  }
}
