package org.dgov.store;

import org.dgov.graph.Report;

/**
 * Why a write was rolled back: the invariant it breaks, in a sentence, and the validation report
 * when it is conformance that it breaks (null otherwise).
 */
public record Refusal(String reason, Report report) {}
