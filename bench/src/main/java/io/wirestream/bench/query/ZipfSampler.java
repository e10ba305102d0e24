package io.wirestream.bench.query;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Ranks 1..n with probability proportional to 1/rank^s, by binary search on the CDF. */
final class ZipfSampler {

  private final double[] cumulative;

  ZipfSampler(int n, double exponent) {
    cumulative = new double[n];
    double sum = 0;
    for (int rank = 1; rank <= n; rank++) {
      sum += 1 / Math.pow(rank, exponent);
      cumulative[rank - 1] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
  }

  int sample(SplittableRandom random) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    return (index >= 0 ? index : -index - 1) + 1;
  }
}
