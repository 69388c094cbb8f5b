package org.dgov.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store folder's marker files hold one key each, replaced whole, read back as written. */
class StoreMarkersTest {

  @Test
  void aMarkIsReadBackAndReplacedWhole(@TempDir Path dir) throws Exception {
    assertEquals(Optional.empty(), Store.marked(dir, "dgov-test"));
    Store.mark(dir, "dgov-test", "key-one");
    Store.mark(dir, "dgov-test", "key-two");
    assertEquals(Optional.of("key-two"), Store.marked(dir, "dgov-test"));
    assertEquals("key-two\n", Files.readString(dir.resolve("dgov-test")));
    assertFalse(Files.exists(dir.resolve("dgov-test.part")), "no partial file is left behind");
  }

  @Test
  void aMarkWrittenByHandIsReadWithoutItsLineEnd(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(Store.CHECKED), "  key \r\n");
    assertEquals(Optional.of("key"), Store.marked(dir, Store.CHECKED));
  }
}
