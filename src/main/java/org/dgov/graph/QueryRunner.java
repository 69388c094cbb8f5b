package org.dgov.graph;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.util.Context;

/** Runs a SPARQL query against a graph and writes the result in one of the usual forms. */
public final class QueryRunner {

  /** The result formats of the {@code query} command. */
  public enum Format {
    table,
    csv,
    tsv,
    json
  }

  private QueryRunner() {}

  /**
   * Runs {@code sparql} against {@code graph} and writes the result to {@code out}; SERVICE goes
   * only to {@code federation}'s endpoints, and nowhere when it is empty ({@link Federation}).
   */
  public static void run(
      Graph graph,
      String sparql,
      Optional<List<String>> federation,
      Format format,
      OutputStream out) {
    Query query = QueryFactory.create(sparql);
    Model model = ModelFactory.createModelForGraph(graph);
    Context context = ARQ.getContext().copy();
    federation.ifPresentOrElse(
        endpoints -> Federation.allow(context, endpoints), () -> Federation.refuse(context));
    try (QueryExecution qe = QueryExecution.model(model).query(query).context(context).build()) {
      if (query.isSelectType()) {
        write(qe.execSelect(), format, query, out);
      } else if (query.isAskType()) {
        boolean answer = qe.execAsk();
        switch (format) {
          case json -> ResultSetFormatter.outputAsJSON(out, answer);
          case csv -> ResultSetFormatter.outputAsCSV(out, answer);
          case tsv -> ResultSetFormatter.outputAsTSV(out, answer);
          case table -> ResultSetFormatter.out(out, answer);
        }
      } else {
        Model result = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
        RDFDataMgr.write(out, result, format == Format.json ? Lang.JSONLD : Lang.TURTLE);
      }
    }
  }

  private static void write(ResultSet results, Format format, Query query, OutputStream out) {
    switch (format) {
      case table -> ResultSetFormatter.out(out, results, query.getPrologue());
      case csv -> ResultSetFormatter.output(out, results, ResultSetLang.RS_CSV);
      case tsv -> ResultSetFormatter.output(out, results, ResultSetLang.RS_TSV);
      case json -> ResultSetFormatter.output(out, results, ResultSetLang.RS_JSON);
    }
  }
}
