/**
 * Read replicas through Apache Kafka: the primary's relay that publishes each accepted write's RDF
 * Patch from the history, exactly once and in order ({@link org.dgov.replica.Primary}, {@link
 * org.dgov.replica.Relay}), the record on the topic ({@link org.dgov.replica.PatchRecord}), and the
 * replica that follows the topic and applies each patch once, by version, with the entailment
 * ({@link org.dgov.replica.Replica}, {@link org.dgov.replica.Follower}, {@link
 * org.dgov.replica.Applier}), served read-only with {@code /dgov/status}.
 */
package org.dgov.replica;
