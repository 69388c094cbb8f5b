/**
 * The knowledge graph as files: loading the curated project ({@link org.dgov.graph.Project}, {@link
 * org.dgov.graph.CuratedGraph}), the closure and the rules' derivations ({@link
 * org.dgov.graph.Inference}, {@link org.dgov.graph.Rule}), validation against the shapes and the
 * paper ({@link org.dgov.graph.Validation}), of a change by the focus nodes it can affect ({@link
 * org.dgov.graph.ChangeValidation}), named queries, canonical Turtle, export and write-back, and
 * the form of a writable store's history ({@link org.dgov.graph.History}, PROV-O over plain
 * graphs). It knows nothing of HTTP or of a store.
 */
package org.dgov.graph;
