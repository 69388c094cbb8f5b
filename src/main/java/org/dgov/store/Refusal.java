package org.dgov.store;

import org.dgov.graph.Report;

/**
 * Why a write was rolled back: the status to answer (422 for a write that breaks an invariant or
 * conformance, 403 for an operation the server never does), the reason in a sentence, and the
 * validation report when it is conformance that it breaks (null otherwise).
 */
public record Refusal(int status, String reason, Report report) {}
