package org.dgov.replica;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.graph.Project;
import org.dgov.graph.SyntaxError;
import org.dgov.server.DgovServer;
import org.dgov.server.NonConformingData;
import org.dgov.store.Store;

/**
 * A writable server that remembers which files its store was made from ({@link BaseFiles}) and,
 * when given a topic, publishes its history there ({@link Relay}).
 *
 * @param server the writable server
 * @param relay the relay to the topic; null when the server publishes nowhere
 */
public record Primary(FusekiServer server, Relay relay) implements AutoCloseable {

  /** Starts the writable server of {@code options}, publishing to {@code publish} unless null. */
  public static Primary start(Project project, DgovServer.Options options, KafkaTopic publish)
      throws SyntaxError, IOException, NonConformingData {
    boolean fresh = Store.isNew(options.writes().db());
    FusekiServer server = DgovServer.start(project, options);
    if (fresh) {
      BaseFiles.remember(options.writes().db(), BaseFiles.key(project));
    }
    if (publish == null) {
      return new Primary(server, null);
    }
    String host = options.loopbackOnly() ? "localhost" : hostName();
    String url = "http://" + host + ":" + server.getHttpPort() + "/dgov";
    return new Primary(server, Relay.start(options.writes().db(), publish, url));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (relay != null) {
      relay.close();
    }
    server.stop();
  }
}
