package org.dgov.replica;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Which primary's store a patch comes from: a random id, written once in the store's folder
 * ({@value #FILE}) when the store first publishes, and sent with every patch. Two primaries made
 * from the same files reach the same version numbers with different writes, and only this tells
 * their records apart: the relay refuses a topic whose last record is from another store, and a
 * replica stops at a record from another store than the one it follows. A copy of the folder is the
 * same store: a second primary made by copying one must delete this file (and publish to a topic of
 * its own).
 */
final class StoreId {

  /** The file, in a store's folder, that holds the store's id. */
  static final String FILE = "dgov-store-id";

  private StoreId() {}

  /** The id of the store in {@code db}; a new one, written there, when it has none yet. */
  static String of(Path db) throws IOException {
    Path file = db.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      Path partial = db.resolve(FILE + ".part");
      Files.writeString(partial, UUID.randomUUID() + "\n");
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
    return Files.readString(file).strip();
  }
}
