package org.tokenomics.dist;

/**
 * The standard normal quantile by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37(3),
 * 1988): rational functions of degree 7 over 7 in three regions, accurate to about 1 part in
 * 10^16. It replaced {@code √2 · erfInv(2u − 1)} (Commons Math's formula) because it is the
 * per-draw cost of every normal and lognormal param: for 0.075 ≤ u ≤ 0.925 (85 % of draws) it
 * needs no logarithm at all, and elsewhere one {@code Math.log} (an intrinsic) rather than
 * Commons Math's {@code FastMath.log} plus a polynomial of degree 23. Across u in (0, 1) the two
 * agree to a few units in the last place ({@code NormalQuantileTest} bounds it at 2e-15
 * relative); draws differ from the old ones only in those last bits.
 */
final class NormalQuantile {
  private NormalQuantile() {}

  /**
   * {@code z[k] = at(u[k])} for {@code k < n}, bit for bit: first the centre's rational function
   * for every draw (no branch and no logarithm, so the JIT vectorizes the loop), then
   * {@link #at} again for the draws outside the centre (about 15 %), overwriting those values.
   * The second loop reads the draws again, so {@code z} must be another array than {@code u}.
   */
  static void fill(double[] u, double[] z, int n) {
    for (int k = 0; k < n; k++) {
      double q = u[k] - 0.5;
      z[k] = centre(q);
    }
    for (int k = 0; k < n; k++) {
      double x = u[k];
      if (!(Math.abs(x - 0.5) <= 0.425)) { // the tails (and NaN): at() takes its other branches
        z[k] = at(x);
      }
    }
  }

  /**
   * The centre's rational approximation, |q| = |u − 0.5| ≤ 0.425: no logarithm, so {@link #fill}
   * runs it over a whole column in its first loop; one copy of the coefficients for both callers.
   */
  private static double centre(double q) {
    double r = 0.180625 - q * q;
    return q * (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r
        + 6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r
        + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
        + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0)
        / (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r
        + 3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r
        + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
        + 4.2313330701600911252e+1) * r + 1.0);
  }

  /** The z with Φ(z) = u; −∞ at 0 and +∞ at 1, NaN outside [0, 1]. */
  static double at(double u) {
    double q = u - 0.5;
    if (Math.abs(q) <= 0.425) { // the centre: no logarithm
      return centre(q);
    }
    if (!(u > 0 && u < 1)) { // the ends, and NaN or outside (0, 1)
      return u == 0 ? Double.NEGATIVE_INFINITY : u == 1 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    double r = Math.sqrt(-Math.log(q < 0 ? u : 1 - u));
    double z;
    if (r <= 5.0) { // down to about 1.4e-11 from either end
      r -= 1.6;
      z = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
          + 2.41780725177450611770e-1) * r + 1.27045825245236838258e+0) * r
          + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r
          + 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0)
          / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
          + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
          + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r
          + 2.05319162663775882187e+0) * r + 1.0);
    } else { // the far tails
      r -= 5.0;
      z = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
          + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
          + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r
          + 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0)
          / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
          + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
          + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
          + 5.99832206555887937690e-1) * r + 1.0);
    }
    return q < 0 ? -z : z;
  }
}
