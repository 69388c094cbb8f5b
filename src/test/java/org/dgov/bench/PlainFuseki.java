package org.dgov.bench;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;

/** A plain Fuseki main with no additions, serving one file at /plain, for bench/peers.sh. */
public final class PlainFuseki {

  private PlainFuseki() {}

  public static void main(String[] args) {
    FusekiServer.create()
        .port(Integer.parseInt(args[0]))
        .loopback(true)
        .add("/plain", RDFDataMgr.loadDatasetGraph(args[1]))
        .build()
        .start()
        .join();
  }
}
