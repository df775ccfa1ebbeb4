package org.tokenomics.mc;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based uniform draws: the draw of sample {@code i} for one param depends only on
 * (seed, i, the param's stream), never on which thread evaluates the sample or in what order. So
 * a Monte Carlo run gives the same numbers for every thread count and block size, and a param
 * keeps its draws when other params are added or a scenario changes something else (common
 * random numbers across scenarios).
 */
public final class Draws {
  private Draws() {}

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** The stream of a param: a 64-bit hash of its name ({@code growth}, {@code site.pue}). */
  public static long stream(String paramName) {
    long h = 0xcbf29ce484222325L; // FNV-1a
    for (byte b : paramName.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** The stream of period {@code p} of a path param whose stream is {@code stream} (p ≥ 1). */
  public static long periodStream(long stream, int p) {
    return mix(stream ^ mix(p * GOLDEN + 0x5851F42D4C957F2DL));
  }

  /** A uniform draw strictly inside (0, 1). */
  public static double uniform(long seed, long sample, long stream) {
    return uniformAt(key(seed, stream), sample);
  }

  /**
   * The part of a draw that depends only on the seed and the stream: a caller drawing many samples
   * of one stream (a column of a block, the Sobol bootstrap's weights) computes it once, and
   * {@code uniform(seed, i, s) == uniformAt(key(seed, s), i)} bit for bit.
   */
  static long key(long seed, long stream) {
    return mix(mix(seed * GOLDEN + 0x632BE59BD9B4E019L) ^ stream);
  }

  /** {@code uniform(seed, sample, stream)} given {@code key(seed, stream)}: one mix per draw. */
  static double uniformAt(long key, long sample) {
    long z = mix(key + (sample + 1) * GOLDEN);
    return ((z >>> 11) + 0.5) * 0x1.0p-53;
  }

  /** Stafford's "Mix13" finalizer of SplitMix64: a bijection with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
