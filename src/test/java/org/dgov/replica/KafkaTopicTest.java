package org.dgov.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kafka://HOST:PORT/TOPIC} and the client settings passed through. */
class KafkaTopicTest {

  @Test
  void anAddressGivesBootstrapServersTopicAndTheSettingsPassedThrough() {
    KafkaTopic t =
        KafkaTopic.parse(
            "kafka://broker.example:9093/dgov-changes",
            "--publish",
            List.of("security.protocol=SASL_SSL", "sasl.mechanism = PLAIN"));
    assertEquals("broker.example:9093", t.bootstrap());
    assertEquals("dgov-changes", t.topic());
    assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"), t.client());
    assertEquals(
        "SASL_SSL",
        t.properties(Map.of("security.protocol", "PLAINTEXT")).get("security.protocol"),
        "the settings given win over the defaults");
    assertEquals("kafka://broker.example:9093/dgov-changes", t.toString());
  }

  @Test
  void aMalformedAddressOrSettingIsRefusedNamingTheOption() {
    for (String bad :
        List.of("http://h:1/t", "kafka://h/t", "kafka://h:1/", "kafka://h:1/a b", "kafka//")) {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> KafkaTopic.parse(bad, "--replica-of", List.of()));
      assertTrue(e.getMessage().startsWith("--replica-of " + bad), e.getMessage());
    }
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KafkaTopic.parse("kafka://h:1/t", "--publish", List.of("acks")));
    assertTrue(e.getMessage().contains("key=value"), e.getMessage());
  }
}
