package org.dgov.graph;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.dgov.vocab.DGOV;

/**
 * The checks that SHACL cannot express, named as SHACL names its own: each has a source shape and a
 * constraint component IRI in the shapes namespace, described in {@code shapes/checks.ttl}, so a
 * report that mixes them with SHACL results is still a complete {@code sh:ValidationReport}.
 */
enum Checks {
  /** Every quote stands on the page its evidence gives. */
  QUOTE("QuoteCheck", "QuoteOnPageConstraintComponent"),
  /** Every curated resource that is mentioned is described. */
  REFERENCE("ReferenceCheck", "DescribedReferenceConstraintComponent"),
  /** A new entry does not take a slug that another resource uses. */
  SLUG("SlugCheck", "UnusedSlugConstraintComponent"),
  /**
   * A state's ISO 3166-1 alpha-2, alpha-3 and numeric codes are one entry of Debian's iso-codes.
   */
  ISO_CODES("IsoCodeCheck", "IsoCodePairConstraintComponent"),
  /** Every {@code dgov:} term that a statement uses is declared by the ontology. */
  TERM("TermCheck", "DeclaredTermConstraintComponent"),
  /** No placeholder that the scaffold writes ("TODO", {@code dgr:todo-…}) is left in. */
  PLACEHOLDER("PlaceholderCheck", "NoPlaceholderConstraintComponent"),
  /** No two resources have the same ISO 3166 code. */
  UNIQUE_CODE("UniqueCodeCheck", "UniqueIsoCodeConstraintComponent"),
  /** No two resources have the same label in the same language. */
  UNIQUE_LABEL("UniqueLabelCheck", "UniqueLabelConstraintComponent");

  final Node shape;
  final Node component;

  Checks(String shape, String component) {
    this.shape = NodeFactory.createURI(DGOV.SHAPES + shape);
    this.component = NodeFactory.createURI(DGOV.SHAPES + component);
  }
}
