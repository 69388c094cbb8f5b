package org.dgov.server;

import org.dgov.graph.Report;

/** The curated data violates the shapes, so the server refuses to start. */
public class NonConformingData extends Exception {

  private final transient Report report;

  public NonConformingData(Report report) {
    super(
        report.findings().size() + " violation(s) in the curated data; the server does not start");
    this.report = report;
  }

  public Report report() {
    return report;
  }
}
