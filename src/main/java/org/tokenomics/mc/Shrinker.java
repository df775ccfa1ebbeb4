package org.tokenomics.mc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Shrinks a failing point toward the defaults (EMBEDDING.md §6): first fewer changed params (each
 * changed param put back to its default while the assertion still fails), then each remaining
 * value moved as close to its default as it can go (bisection between the default and the value),
 * then written with as few digits as keep it failing and within a thousandth of its range of the
 * closest value (rounded away from the default, so that it stays on the failing side). The result
 * is checked by compiling the {@code --set} lines as {@code tok run} would; if rounding for
 * display lost the failure, the values are written exactly.
 */
final class Shrinker {
  private static final int BISECTIONS = 48;

  private final TestSpace space;
  private final double[] defaults;

  Shrinker(TestSpace space) {
    this.space = space;
    this.defaults = space.defaults();
  }

  /** The {@code --set} lines reproducing the failure of assertion {@code a}, shrunk from {@code failing}. */
  Map<String, String> shrink(int a, double[] failing) {
    double[] x = failing.clone();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < x.length; i++) {
        if (x[i] != defaults[i]) {
          double keep = x[i];
          x[i] = defaults[i];
          if (fails(a, x)) {
            progress = true;
          } else {
            x[i] = keep;
          }
        }
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < x.length; i++) {
        if (x[i] != defaults[i]) {
          x[i] = closest(a, x, i);
        }
      }
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] != defaults[i]) {
        x[i] = rounded(a, x, i);
      }
    }
    Map<String, String> set = PropertySearch.set(space, x, defaults, 15);
    TestSpace.Outcome check = space.evaluateOverrides(set);
    if (check == null || !check.failed()[a]) {
      set = PropertySearch.set(space, x, defaults, 17);
    }
    return set;
  }

  private boolean fails(int a, double[] x) {
    return space.evaluate(x).failed()[a];
  }

  /** The value of param {@code i} nearest its default (on the segment to {@code x[i]}) that still fails. */
  private double closest(int a, double[] x, int i) {
    double d = defaults[i];
    double far = x[i];
    double lo = 0;
    double hi = 1;
    double[] y = x.clone();
    TestSpace.Axis axis = space.axes().get(i);
    for (int step = 0; step < BISECTIONS; step++) {
      double mid = (lo + hi) / 2;
      y[i] = axis.snap(d + (far - d) * mid);
      if (fails(a, y)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi == 1 ? far : axis.snap(d + (far - d) * hi);
  }

  /** {@code x[i]} with the fewest significant digits (in its unit) that still fail, close to it. */
  private double rounded(int a, double[] x, int i) {
    TestSpace.Axis axis = space.axes().get(i);
    double factor = axis.unit().factor();
    double tolerance = (axis.high() - axis.low()) * 1e-3;
    RoundingMode away = x[i] > defaults[i] ? RoundingMode.CEILING : RoundingMode.FLOOR;
    double[] y = x.clone();
    for (int digits = 1; digits <= 15; digits++) {
      double r = axis.snap(new BigDecimal(x[i] / factor).round(new MathContext(digits, away)).doubleValue() * factor);
      if (r < axis.low() || r > axis.high() || Math.abs(r - x[i]) > tolerance) {
        continue;
      }
      y[i] = r;
      if (fails(a, y)) {
        return r;
      }
    }
    return x[i];
  }
}
