package org.dgov.bench;

import java.util.Arrays;

/** The arithmetic the benchmarks share: a median of timed runs and a log-log growth slope. */
final class Stats {

  private Stats() {}

  /** Median time in milliseconds of {@code runs} runs of {@code work}. */
  static double median(int runs, Runnable work) {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }

  /** Slope of log(y) against log(x): 1 is linear, 0 flat. */
  static double slope(double[] x, double[] y) {
    int n = x.length;
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
      mx += Math.log(x[i]) / n;
      my += Math.log(y[i]) / n;
    }
    double sxy = 0, sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (Math.log(x[i]) - mx) * (Math.log(y[i]) - my);
      sxx += (Math.log(x[i]) - mx) * (Math.log(x[i]) - mx);
    }
    return sxy / sxx;
  }
}
