package org.dgov.replica;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.dgov.graph.History;

/**
 * One accepted write as a Kafka record: the key is its version, the value its RDF Patch (text,
 * UTF-8), and the headers carry the rest of its {@link History.Entry} (author, time, message, the
 * resources it changed, the entries it deleted, the version it reverts) with the {@link BaseFiles}
 * key of the files the primary's store was made from and the {@link StoreId} of that store, so that
 * a replica records the same history, refuses patches meant for a store made from other files, and
 * tells apart two primaries that publish the same versions to one topic.
 *
 * @param entry the write, as the primary's history holds it
 * @param base the key of the files the primary's store was made from
 * @param store the id of the primary's store
 * @param primary where the primary serves, for the replicas to name when they refuse a write
 */
public record PatchRecord(History.Entry entry, String base, String store, String primary) {

  /**
   * The version of the record format; a replica refuses records of any other. Format 1 had no store
   * id, so its records cannot say which primary wrote them.
   */
  static final String FORMAT = "2";

  static final String H_FORMAT = "dgov-format";
  static final String H_USER = "dgov-user";
  static final String H_TIME = "dgov-time";
  static final String H_MESSAGE = "dgov-message";
  static final String H_SUBJECTS = "dgov-subjects";
  static final String H_DELETED = "dgov-deleted";
  static final String H_REVERTS = "dgov-reverts";
  static final String H_BASE = "dgov-base";
  static final String H_STORE = "dgov-store";
  static final String H_PRIMARY = "dgov-primary";

  /** The record to send to {@code topic}, on its one partition. */
  ProducerRecord<String, byte[]> toRecord(String topic) {
    Headers headers = new RecordHeaders();
    put(headers, H_FORMAT, FORMAT);
    put(headers, H_USER, entry.user());
    put(headers, H_TIME, entry.time().toString());
    put(headers, H_MESSAGE, entry.message());
    put(headers, H_SUBJECTS, iris(entry.subjects()));
    put(headers, H_DELETED, iris(entry.deleted()));
    put(headers, H_REVERTS, Long.toString(entry.reverts()));
    put(headers, H_BASE, base);
    put(headers, H_STORE, store);
    put(headers, H_PRIMARY, primary);
    return new ProducerRecord<>(
        topic,
        0,
        Long.toString(entry.version()),
        entry.patch().getBytes(StandardCharsets.UTF_8),
        headers);
  }

  /** The version a record carries, read from its key alone (to skip what is applied already). */
  static long version(ConsumerRecord<String, byte[]> record) {
    try {
      return Long.parseLong(record.key());
    } catch (NumberFormatException | NullPointerException e) {
      throw new BadRecord(record, "its key is not a version number: " + record.key());
    }
  }

  /** Reads {@code record}; one that is not a patch record of this format is a {@link BadRecord}. */
  static PatchRecord from(ConsumerRecord<String, byte[]> record) {
    String format = header(record, H_FORMAT);
    if (!FORMAT.equals(format)) {
      throw new BadRecord(
          record,
          "record format "
              + format
              + ", this build reads format "
              + FORMAT
              + " only"
              + ("1".equals(format)
                  ? " (format 1, of an earlier build, does not name the primary's store): publish"
                      + " to a new topic and start the replicas on it"
                  : ""));
    }
    long reverts;
    Instant time;
    try {
      reverts = Long.parseLong(header(record, H_REVERTS));
      time = Instant.parse(header(record, H_TIME));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new BadRecord(record, "a malformed header: " + e.getMessage());
    }
    if (record.value() == null) {
      throw new BadRecord(record, "it has no patch");
    }
    History.Entry entry =
        new History.Entry(
            version(record),
            header(record, H_USER),
            time,
            header(record, H_MESSAGE),
            nodes(header(record, H_SUBJECTS)),
            nodes(header(record, H_DELETED)),
            reverts,
            new String(record.value(), StandardCharsets.UTF_8));
    return new PatchRecord(
        entry, header(record, H_BASE), header(record, H_STORE), header(record, H_PRIMARY));
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    if (h == null || h.value() == null) {
      throw new BadRecord(record, "it has no header " + name);
    }
    return new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** IRIs one per line: an IRI holds no line break. */
  private static String iris(List<Node> nodes) {
    return String.join("\n", nodes.stream().map(Node::getURI).toList());
  }

  private static List<Node> nodes(String lines) {
    return lines.isEmpty()
        ? List.of()
        : Arrays.stream(lines.split("\n")).map(NodeFactory::createURI).toList();
  }

  /** A record in the topic that a replica cannot apply: it stops there and says so. */
  static final class BadRecord extends IllegalStateException {
    BadRecord(ConsumerRecord<String, byte[]> record, String why) {
      super(
          "the record at offset "
              + record.offset()
              + " of "
              + record.topic()
              + " cannot be applied: "
              + why);
    }
  }
}
