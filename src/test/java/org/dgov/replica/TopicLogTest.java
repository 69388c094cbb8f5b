package org.dgov.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The change log's consumer: committed records only, fetches that do not sit on a write. */
class TopicLogTest {

  @Test
  void aFetchReturnsOnTheFirstRecordAndWaitsAtMost100MsUnlessTheUserSaysOtherwise() {
    Properties defaults =
        TopicLog.settings(KafkaTopic.parse("kafka://h:1/t", "--replica-of", List.of()));
    assertEquals("read_committed", defaults.get("isolation.level"));
    assertEquals("1", defaults.get("fetch.min.bytes"));
    assertEquals("100", defaults.get("fetch.max.wait.ms"));
    Properties given =
        TopicLog.settings(
            KafkaTopic.parse(
                "kafka://h:1/t",
                "--replica-of",
                List.of("fetch.max.wait.ms=20", "fetch.min.bytes=1024")));
    assertEquals("20", given.get("fetch.max.wait.ms"), "--kafka-property wins");
    assertEquals("1024", given.get("fetch.min.bytes"));
  }
}
