package org.dgov.replica;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.dgov.graph.Project;

/**
 * The replication settings {@code fuseki-config.ttl} may give on its server, all optional: Kafka
 * client properties ({@code :kafkaProperty "security.protocol=SASL_SSL"}, one per property, passed
 * through before those of the command line) and whether a replica waits for the head it saw at
 * start before answering ({@code :replicaWaitsForHead}, true when not set).
 */
public record ReplicationSettings(List<String> kafkaProperties, boolean waitForHead) {

  private static final String NS = "https://w3id.org/dgov/config#";

  public static ReplicationSettings read(Project project) {
    Graph config = RDFDataMgr.loadGraph(project.fusekiConfig().toString());
    List<String> properties =
        config
            .find(Node.ANY, NodeFactory.createURI(NS + "kafkaProperty"), Node.ANY)
            .mapWith(t -> t.getObject().getLiteralLexicalForm())
            .toList();
    boolean wait =
        config
            .find(Node.ANY, NodeFactory.createURI(NS + "replicaWaitsForHead"), Node.ANY)
            .mapWith(t -> !"false".equals(t.getObject().getLiteralLexicalForm()))
            .nextOptional()
            .orElse(true);
    return new ReplicationSettings(properties, wait);
  }
}
