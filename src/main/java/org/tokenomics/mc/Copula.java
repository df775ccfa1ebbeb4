package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.dist.Quantile;

/**
 * The Gaussian copula of the {@code correlate} declarations (LANGUAGE.md §17). A sample's
 * independent uniform draws of the correlated params become normal scores z = Φ⁻¹(u), are mixed
 * by the Cholesky factor of the Pearson matrix (ρ = 2·sin(π·R/6), so the scores' Spearman rank
 * correlation is R), and go back through Φ: each param's draw is still uniform, so its marginal
 * distribution is unchanged, and the ranks move together as declared. The draws of one sample
 * depend only on that sample's independent draws, so the copula keeps results independent of the
 * thread count. Pairs with R = 0 are left out, and params in no other pair are not touched: a
 * correlation of 0 gives exactly the independent draws. Immutable.
 */
final class Copula {
  /** Draws are kept strictly inside (0, 1), like {@link Draws#uniform}, so no quantile is infinite. */
  private static final double LOWEST = 0x1.0p-54;
  private static final double HIGHEST = 1 - 0x1.0p-53;

  private final int[] index;      // draw index of each correlated param
  private final double[][] lower; // rows of the unit-row-norm Cholesky factor

  private Copula(int[] index, double[][] lower) {
    this.index = index;
    this.lower = lower;
  }

  /** The copula over the drawn {@code params}, or null when no pair with R ≠ 0 is drawn. */
  static Copula of(List<CompiledModel.Correlation> correlations, List<UncertainParam> params) {
    List<UncertainParam> involved = new ArrayList<>();
    List<CompiledModel.Correlation> used = new ArrayList<>();
    for (CompiledModel.Correlation c : correlations) {
      UncertainParam a = find(params, c.a());
      UncertainParam b = find(params, c.b());
      if (a == null || b == null || c.r() == 0) {
        continue; // an override gave one of them a plain value: nothing to correlate
      }
      used.add(c);
      if (!involved.contains(a)) {
        involved.add(a);
      }
      if (!involved.contains(b)) {
        involved.add(b);
      }
    }
    if (used.isEmpty()) {
      return null;
    }
    involved.sort((x, y) -> Integer.compare(x.index(), y.index())); // the model's param order
    int n = involved.size();
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    for (CompiledModel.Correlation c : used) {
      int i = involved.indexOf(find(involved, c.a()));
      int j = involved.indexOf(find(involved, c.b()));
      m[i][j] = m[j][i] = 2 * Math.sin(Math.PI * c.r() / 6);
    }
    int[] index = involved.stream().mapToInt(UncertainParam::index).toArray();
    return new Copula(index, cholesky(m));
  }

  private static UncertainParam find(List<UncertainParam> params, String name) {
    for (UncertainParam p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /**
   * The lower Cholesky factor of a positive semi-definite matrix (the checker made sure it is):
   * a pivot that rounds to zero (a correlation of ±1, or a singular combination) gets a zero
   * column; each row is then scaled to norm 1 so every mixed score is exactly standard normal.
   */
  static double[][] cholesky(double[][] m) {
    int n = m.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double d = m[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      double pivot = d > 1e-12 ? Math.sqrt(d) : 0;
      l[j][j] = pivot;
      for (int i = j + 1; i < n; i++) {
        double s = m[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = pivot == 0 ? 0 : s / pivot;
      }
    }
    for (double[] row : l) {
      double norm = 0;
      for (double x : row) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < n; k++) {
        row[k] /= norm;
      }
    }
    return l;
  }

  /** Turns one sample's independent draws {@code u} into correlated ones, in place. */
  void apply(double[] u, double[] scratch) {
    int n = index.length;
    for (int k = 0; k < n; k++) {
      scratch[k] = Quantile.standardNormal(u[index[k]]);
    }
    for (int i = 0; i < n; i++) {
      double[] row = lower[i];
      double z = 0;
      for (int k = 0; k <= i; k++) {
        z += row[k] * scratch[k];
      }
      u[index[i]] = Math.min(HIGHEST, Math.max(LOWEST, 0.5 * Erf.erfc(-z / Quantile.SQRT2)));
    }
  }

  int size() {
    return index.length;
  }
}
