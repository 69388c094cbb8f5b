package org.dgov.replica;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the change log lives: a topic of a Kafka cluster, written {@code kafka://HOST:PORT/TOPIC},
 * with the client settings (security protocol, SASL, timeouts) passed through to Kafka's producer
 * and consumer as given. The topic has one partition: one partition is one order.
 *
 * @param bootstrap the bootstrap servers, {@code HOST:PORT}
 * @param topic the topic's name
 * @param client Kafka client properties, passed through
 */
public record KafkaTopic(String bootstrap, String topic, Map<String, String> client) {

  public KafkaTopic {
    client = Map.copyOf(client);
  }

  /**
   * Parses {@code uri}, given as option {@code option}, with the client settings {@code properties}
   * ({@code key=value} each); a malformed one is an error that names it.
   */
  public static KafkaTopic parse(String uri, String option, List<String> properties) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw malformed(option, uri);
    }
    String topic = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
    if (!"kafka".equals(parsed.getScheme())
        || parsed.getHost() == null
        || parsed.getPort() < 0
        || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
      throw malformed(option, uri);
    }
    Map<String, String> client = new LinkedHashMap<>();
    for (String property : properties) {
      int eq = property.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--kafka-property " + property + ": write it as key=value (security.protocol=SSL)");
      }
      client.put(property.substring(0, eq).strip(), property.substring(eq + 1).strip());
    }
    return new KafkaTopic(parsed.getHost() + ":" + parsed.getPort(), topic, client);
  }

  private static IllegalArgumentException malformed(String option, String uri) {
    return new IllegalArgumentException(
        option + " " + uri + ": write it as kafka://HOST:PORT/TOPIC (kafka://localhost:9092/dgov)");
  }

  /** Kafka client properties: the bootstrap servers, then {@code own}, then the passed-through. */
  Properties properties(Map<String, Object> own) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.putAll(own);
    p.putAll(client);
    return p;
  }

  @Override
  public String toString() {
    return "kafka://" + bootstrap + "/" + topic;
  }
}
