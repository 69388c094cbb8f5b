/**
 * The write path: the TDB2 store holding the asserted graph with its entailment ({@link
 * org.dgov.store.Store}), the dataset that records each write transaction's change, keeps the write
 * invariants, brings the entailment up to date, validates and keeps the change in the history
 * inside every write transaction, rolling back a write that would break them ({@link
 * org.dgov.store.ValidatingDataset}, {@link org.dgov.store.ChangeRecorder}), and the users who may
 * write ({@link org.dgov.store.Users}). The HTTP side of a write (authentication, the 422 answer)
 * is {@code server.WriteGuard}; the history's form is {@code graph.History}.
 */
package org.dgov.store;
