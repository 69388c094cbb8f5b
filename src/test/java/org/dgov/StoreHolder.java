package org.dgov;

import java.io.IOException;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * Holds a TDB2 store (making it where there is none) as a running writable server does: {@code java
 * org.dgov.StoreHolder DIR} connects to the store in DIR, which takes TDB2's lock on it, prints
 * "holding" and keeps it until its standard input ends. For tests of what other processes see of a
 * held store.
 */
public final class StoreHolder {

  private StoreHolder() {}

  public static void main(String[] args) throws IOException {
    TDB2Factory.connectDataset(args[0]);
    System.out.println("holding");
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the test closes our standard input
    }
  }
}
