/** The {@code dgov:} vocabulary as Jena constants, checked against {@code ontology/dgov.ttl}. */
package org.dgov.vocab;
