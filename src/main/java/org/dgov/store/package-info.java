/**
 * The write path: the TDB2 store holding the asserted graph with its entailment ({@link
 * org.dgov.store.Store}), the dataset that brings the entailment up to date and validates inside
 * every write transaction, rolling back a write that would break conformance ({@link
 * org.dgov.store.ValidatingDataset}), and the users who may write ({@link org.dgov.store.Users}).
 * The HTTP side of a write (authentication, the 422 answer) is {@code server.WriteGuard}.
 */
package org.dgov.store;
