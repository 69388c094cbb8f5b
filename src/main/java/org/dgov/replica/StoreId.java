package org.dgov.replica;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.dgov.store.Store;

/**
 * Which primary's store a patch comes from: a random id, written once in the store's folder
 * ({@value #FILE}, one of the store's markers: {@link Store#mark}) when the store first publishes,
 * and sent with every patch. Two primaries made from the same files reach the same version numbers
 * with different writes, and only this tells their records apart: the relay refuses a topic whose
 * last record is from another store, and a replica stops at a record from another store than the
 * one it follows. A copy of the folder is the same store: a second primary made by copying one must
 * delete this file (and publish to a topic of its own).
 */
final class StoreId {

  /** The file, in a store's folder, that holds the store's id. */
  static final String FILE = "dgov-store-id";

  private StoreId() {}

  /** The id of the store in {@code db}; a new one, written there, when it has none yet. */
  static String of(Path db) throws IOException {
    Optional<String> id = Store.marked(db, FILE);
    if (id.isPresent()) {
      return id.get();
    }
    String made = UUID.randomUUID().toString();
    Store.mark(db, FILE, made);
    return made;
  }
}
