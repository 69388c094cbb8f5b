package org.dgov.bench;

import java.util.Collection;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeFunctions;
import org.topbraid.jenax.util.JenaUtil;
import org.topbraid.shacl.engine.Constraint;
import org.topbraid.shacl.validation.AbstractNativeConstraintExecutor;
import org.topbraid.shacl.validation.ConstraintExecutors;
import org.topbraid.shacl.validation.ValidationEngine;
import org.topbraid.shacl.vocabulary.SH;

/**
 * TopBraid SHACL 1.4.4's sh:pattern check, for Jena 5.6. TopBraid's own executor (built against
 * Jena 5.2) calls {@code org.apache.jena.sparql.expr.RegexJava.makeMask}, which Jena 5.6 moved to
 * {@code RegexEngine.makeMask}, so every sh:pattern fails with NoClassDefFoundError. This is the
 * same check with the moved call, put in its place through TopBraid's public extension point.
 */
final class ShaclTopBraidPattern extends AbstractNativeConstraintExecutor {

  private final String regex;
  private final Pattern pattern;

  private ShaclTopBraidPattern(Constraint constraint) {
    String flags = JenaUtil.getStringProperty(constraint.getShapeResource(), SH.flags);
    regex = JenaUtil.getStringProperty(constraint.getShapeResource(), SH.pattern);
    String quoted = flags != null && flags.contains("q") ? Pattern.quote(regex) : regex;
    pattern = Pattern.compile(quoted, flags == null ? 0 : RegexEngine.makeMask(flags));
  }

  /** Replaces TopBraid's sh:pattern executor with this one. */
  static void install() {
    ConstraintExecutors.get()
        .addSpecialExecutor(SH.PatternConstraintComponent, ShaclTopBraidPattern::new);
  }

  @Override
  public void executeConstraint(
      Constraint constraint, ValidationEngine engine, Collection<RDFNode> focusNodes) {
    long start = System.currentTimeMillis();
    long valueNodes = 0;
    for (RDFNode focus : focusNodes) {
      for (RDFNode value : engine.getValueNodes(constraint, focus)) {
        valueNodes++;
        if (value.isAnon()) {
          engine.createValidationResult(
              constraint, focus, value, () -> "Blank node cannot match pattern");
        } else if (!pattern.matcher(NodeFunctions.str(value.asNode())).find()) {
          engine.createValidationResult(
              constraint, focus, value, () -> "Value does not match pattern \"" + regex + "\"");
        }
      }
    }
    addStatistics(engine, constraint, start, focusNodes.size(), valueNodes);
  }
}
