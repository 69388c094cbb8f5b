package org.dgov.graph;

import java.nio.file.Path;
import java.util.Iterator;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.assembler.TextVocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

/**
 * The full-text index ({@code text:query}) for a dataset that is not declared in {@code
 * fuseki-config.ttl} itself, the writable server's store: the index the file declares, filled with
 * what the dataset holds, and the dataset seen through jena-text so that the index follows each
 * write and its commit or abort.
 */
public final class FullText {

  private FullText() {}

  /** A new, empty instance of the one {@code text:TextIndexLucene} that {@code config} declares. */
  public static TextIndex declared(Path config) {
    Model model = RDFDataMgr.loadModel(config.toString());
    Iterator<Resource> indexes =
        model.listResourcesWithProperty(RDF.type, TextVocab.textIndexLucene);
    if (!indexes.hasNext()) {
      throw new IllegalStateException(
          config + " declares no text:TextIndexLucene; declare the full-text index there");
    }
    return (TextIndex) Assembler.general().open(indexes.next());
  }

  /**
   * {@code dataset} seen through jena-text: {@code index} is first given the literals that the
   * default graph of {@code dataset} holds in the indexed properties (its named graphs, history and
   * entailment lists, repeat or hold nothing to search), then follows adds and deletes made through
   * the returned dataset (and commits or rolls back with its transactions).
   */
  public static DatasetGraph following(DatasetGraph dataset, TextIndex index) {
    Txn.executeRead(
        dataset,
        () -> {
          Iterator<Quad> quads = dataset.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY);
          while (quads.hasNext()) {
            Entity entity = TextQueryFuncs.entityFromQuad(index.getDocDef(), quads.next());
            if (entity != null) {
              index.addEntity(entity);
            }
          }
          index.commit();
        });
    return TextDatasetFactory.create(dataset, index);
  }
}
