package org.dgov.graph;

import java.nio.file.Path;
import java.util.Iterator;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
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
   * default graph of {@code dataset} holds in the indexed properties, then follows the adds and
   * deletes made to that graph through the returned dataset (and commits or rolls back with its
   * transactions). Only the default graph is indexed, at start as after: the named graphs (history,
   * entailment list) repeat it or hold nothing to search, and their writes go to {@code dataset}
   * directly, spared the check against the store that jena-text makes before each write it indexes.
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
    DatasetGraph indexed = new DefaultGraphText(dataset, index);
    indexed.getContext().set(TextQuery.textIndex, index);
    return indexed;
  }

  /** jena-text indexing the default graph of a dataset only. */
  private static final class DefaultGraphText extends DatasetGraphText {

    DefaultGraphText(DatasetGraph dataset, TextIndex index) {
      super(dataset, index, new TextDocProducerTriples(index));
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
      if (Quad.isDefaultGraph(g)) {
        super.add(g, s, p, o);
      } else {
        getWrapped().add(g, s, p, o);
      }
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
      if (Quad.isDefaultGraph(g)) {
        super.delete(g, s, p, o);
      } else {
        getWrapped().delete(g, s, p, o);
      }
    }

    @Override
    public void add(Quad quad) {
      add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Quad quad) {
      delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }
  }
}
