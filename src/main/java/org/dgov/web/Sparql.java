package org.dgov.web;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;

/** Runs a SELECT query against the served graph, for the pages. */
final class Sparql {

  private Sparql() {}

  static List<QuerySolution> select(Graph graph, String query) {
    try (QueryExecution qe =
        QueryExecution.model(ModelFactory.createModelForGraph(graph)).query(query).build()) {
      List<QuerySolution> rows = new java.util.ArrayList<>();
      qe.execSelect().forEachRemaining(rows::add);
      return rows;
    }
  }
}
