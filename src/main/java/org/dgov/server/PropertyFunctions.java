package org.dgov.server;

import java.util.Set;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * The property functions a query on the public endpoint may call: ARQ's registered ones, with
 * {@code apf:strSplit} run in linear time ({@link LinearSplit}); a {@code java:} IRI, which ARQ
 * would load as a class by name, is refused with 400.
 */
final class PropertyFunctions extends PropertyFunctionRegistry {

  private PropertyFunctions() {}

  /** {@code apf:strSplit}, in ARQ's two namespaces. */
  private static final Set<String> SPLIT =
      Set.of(
          ARQConstants.ARQPropertyFunctionLibraryURI + "strSplit",
          ARQConstants.ARQPropertyFunctionLibraryURI_Jena2 + "strSplit");

  private static final PropertyFunctionFactory LINEAR_SPLIT = iri -> new LinearSplit();

  /** Makes every query on the dataset of {@code context} call only these. */
  static void install(Context context) {
    PropertyFunctionRegistry standard = PropertyFunctionRegistry.get();
    PropertyFunctions bounded = new PropertyFunctions();
    standard.keys().forEachRemaining(iri -> bounded.put(iri, standard.get(iri)));
    PropertyFunctionRegistry.set(context, bounded);
  }

  @Override
  public boolean manages(String iri) {
    return refused(iri) || super.manages(iri);
  }

  /**
   * The factory for {@code iri}. ARQ's own maps an {@code apf:} IRI to a class name before it looks
   * it up, so {@code apf:strSplit} is answered here, before that.
   */
  @Override
  public PropertyFunctionFactory get(String iri) {
    refused(iri);
    return SPLIT.contains(iri) ? LINEAR_SPLIT : super.get(iri);
  }

  /** False, or a 400 for a {@code java:} IRI. */
  private static boolean refused(String iri) {
    if (iri.startsWith(ARQConstants.javaClassURIScheme)) {
      throw new ActionErrorException(
          400,
          "the property function <"
              + iri
              + "> is not allowed here: only the registered property functions run on this endpoint",
          null);
    }
    return false;
  }
}
