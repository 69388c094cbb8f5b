package org.dgov.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key of a store's files stays where and as stores of earlier versions keep it: one line in the
 * file {@value BaseFiles#FILE} of the store's folder.
 */
class BaseFilesTest {

  @Test
  void theKeyIsOneLineInTheStoresFolder(@TempDir Path db) throws Exception {
    BaseFiles.remember(db, "abc123");
    assertEquals("abc123\n", Files.readString(db.resolve("dgov-base")));
    Files.writeString(db.resolve("dgov-base"), "def456\n");
    assertEquals(Optional.of("def456"), BaseFiles.of(db));
  }
}
