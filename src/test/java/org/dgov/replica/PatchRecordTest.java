package org.dgov.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.dgov.graph.History;
import org.junit.jupiter.api.Test;

/**
 * The record format: a write's version as key, its patch as value, the rest of its history entry,
 * the base key, the store's id and the primary in headers; what is sent is what is read back, and a
 * record that is not of this format is refused with its offset and the reason.
 */
class PatchRecordTest {

  private static final History.Entry ENTRY =
      new History.Entry(
          7,
          "alice",
          Instant.parse("2026-12-07T10:00:00.123Z"),
          "a note, with \"quotes\"\nand a second line",
          List.of(NodeFactory.createURI("https://w3id.org/dgov/id/rcep")),
          List.of(NodeFactory.createURI("https://w3id.org/dgov/id/old")),
          5,
          "TX .\nA <https://w3id.org/dgov/id/rcep> <http://x/p> _:b0 .\nTC .\n");

  private static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
    return new ConsumerRecord<>(
        sent.topic(),
        0,
        42,
        0L,
        TimestampType.CREATE_TIME,
        0,
        0,
        sent.key(),
        sent.value(),
        sent.headers(),
        Optional.empty());
  }

  @Test
  void aRecordReadsBackAsTheEntrySent() {
    PatchRecord sent = new PatchRecord(ENTRY, "base-key", "store-id", "http://primary:3030/dgov");
    ProducerRecord<String, byte[]> record = sent.toRecord("dgov");
    assertEquals("7", record.key());
    assertEquals(0, record.partition(), "one partition, one order");
    assertEquals(sent, PatchRecord.from(received(record)));
    assertEquals(7, PatchRecord.version(received(record)));
  }

  @Test
  void aRecordOfAnotherFormatIsRefusedWithItsOffset() {
    ProducerRecord<String, byte[]> record = new PatchRecord(ENTRY, "k", "s", "p").toRecord("dgov");
    record.headers().remove(PatchRecord.H_FORMAT);
    record.headers().add(PatchRecord.H_FORMAT, "3".getBytes(StandardCharsets.UTF_8));
    var e = assertThrows(PatchRecord.BadRecord.class, () -> PatchRecord.from(received(record)));
    assertTrue(e.getMessage().contains("offset 42 of dgov"), e.getMessage());
    assertTrue(e.getMessage().contains("format 3"), e.getMessage());
  }

  @Test
  void aRecordOfTheFormerFormatWithoutAStoreIdIsRefusedSayingWhatToDo() {
    ProducerRecord<String, byte[]> record = new PatchRecord(ENTRY, "k", "s", "p").toRecord("dgov");
    record.headers().remove(PatchRecord.H_FORMAT);
    record.headers().remove(PatchRecord.H_STORE);
    record.headers().add(PatchRecord.H_FORMAT, "1".getBytes(StandardCharsets.UTF_8));
    var e = assertThrows(PatchRecord.BadRecord.class, () -> PatchRecord.from(received(record)));
    assertTrue(e.getMessage().contains("record format 1"), e.getMessage());
    assertTrue(e.getMessage().contains("publish to a new topic"), e.getMessage());
    ProducerRecord<String, byte[]> anonymous =
        new PatchRecord(ENTRY, "k", "s", "p").toRecord("dgov");
    anonymous.headers().remove(PatchRecord.H_STORE);
    var a = assertThrows(PatchRecord.BadRecord.class, () -> PatchRecord.from(received(anonymous)));
    assertTrue(a.getMessage().contains("no header dgov-store"), a.getMessage());
  }

  @Test
  void aRecordWithoutAHeaderOrAVersionKeyIsRefusedNamingIt() {
    ProducerRecord<String, byte[]> record = new PatchRecord(ENTRY, "k", "s", "p").toRecord("dgov");
    record.headers().remove(PatchRecord.H_BASE);
    var e = assertThrows(PatchRecord.BadRecord.class, () -> PatchRecord.from(received(record)));
    assertTrue(e.getMessage().contains("no header dgov-base"), e.getMessage());
    ProducerRecord<String, byte[]> unkeyed =
        new ProducerRecord<>("dgov", 0, "seven", new byte[0], new RecordHeaders());
    var k = assertThrows(PatchRecord.BadRecord.class, () -> PatchRecord.version(received(unkeyed)));
    assertTrue(k.getMessage().contains("not a version number: seven"), k.getMessage());
  }
}
