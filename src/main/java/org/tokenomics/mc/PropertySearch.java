package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tokenomics.check.CompiledModel;

/**
 * {@code tok test} (EMBEDDING.md §6): a seeded search of a {@link TestSpace} for inputs under which
 * an assertion fails, in three phases sharing the budget of tries: the edges and corners of the
 * ranges (each param alone at each end, then combinations of ends), random points (every param
 * drawn, or a random few of them), and a search guided by the assertion's slack
 * ({@link org.tokenomics.check.AssertionSlack}), which walks from the point nearest to failing
 * toward lower slack with shrinking steps. Points are generated from the seed alone and evaluated
 * in batches on any number of threads, then read in order, so the result never depends on threads.
 * The first failing point of each assertion is shrunk ({@link Shrinker}).
 */
public final class PropertySearch {
  private PropertySearch() {}

  /** A shrunk counterexample: the assertion and the {@code --set} lines (param → value) that reproduce it. */
  public record Found(CompiledModel.AssertSpec assertion, Map<String, String> set) {}

  /** The whole search: tries spent, counterexamples in assertion order, tries that ended in an evaluation error. */
  public record Result(int tries, long seed, List<Found> found, int errors) {}

  private static final int BATCH = 32;

  public static Result run(TestSpace space, int tries, long seed, int threads) {
    return new Search(space, tries, seed, threads).run();
  }

  private static final class Search {
    final TestSpace space;
    final int budget;
    final long seed;
    final int threads;
    final int k;
    final double[] defaults;
    final int nAsserts;
    /** Per assertion: the first failing point, the least slack seen and where. */
    final double[][] failing;
    final double[] bestSlack;
    final double[][] bestPoint;
    int spent;
    int errors;

    Search(TestSpace space, int tries, long seed, int threads) {
      this.space = space;
      this.budget = tries;
      this.seed = seed;
      this.threads = threads;
      this.k = space.axes().size();
      this.defaults = space.defaults();
      this.nAsserts = space.asserts().size();
      this.failing = new double[nAsserts][];
      this.bestSlack = new double[nAsserts];
      this.bestPoint = new double[nAsserts][];
      Arrays.fill(bestSlack, Double.POSITIVE_INFINITY);
    }

    Result run() {
      if (nAsserts > 0) {
        evaluate(List.of(defaults.clone()));
        if (k > 0) {
          evaluate(corners());
          randomPhase();
          guidedPhase();
        }
      }
      List<Found> found = new ArrayList<>();
      Shrinker shrinker = new Shrinker(space);
      for (int a = 0; a < nAsserts; a++) {
        if (failing[a] != null) {
          found.add(new Found(space.asserts().get(a), shrinker.shrink(a, failing[a])));
        }
      }
      return new Result(spent, seed, List.copyOf(found), errors);
    }

    boolean done() {
      if (spent >= budget) {
        return true;
      }
      for (double[] f : failing) {
        if (f == null) {
          return false;
        }
      }
      return true;
    }

    /** Evaluates points in order until the budget ends; records failures and least slacks. */
    void evaluate(List<double[]> points) {
      for (int from = 0; from < points.size() && !done(); from += BATCH) {
        int n = Math.min(Math.min(BATCH, points.size() - from), budget - spent);
        TestSpace.Outcome[] out = new TestSpace.Outcome[n];
        int start = from;
        Parallel.run(n, threads, i -> out[i] = space.evaluate(points.get(start + i)), () -> { });
        for (int i = 0; i < n; i++) {
          spent++;
          record(points.get(start + i), out[i]);
        }
      }
    }

    void record(double[] x, TestSpace.Outcome o) {
      if (o.error()) {
        errors++;
      }
      for (int a = 0; a < nAsserts; a++) {
        if (o.failed()[a] && failing[a] == null) {
          failing[a] = x;
        }
        if (o.slack()[a] < bestSlack[a]) {
          bestSlack[a] = o.slack()[a];
          bestPoint[a] = x;
        }
      }
    }

    /** Each param alone at each end, then every combination of ends (random ones beyond 12 params). */
    List<double[]> corners() {
      List<double[]> out = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        for (int end = 0; end < 2; end++) {
          double[] x = defaults.clone();
          x[i] = end == 0 ? space.axes().get(i).low() : space.axes().get(i).high();
          out.add(x);
        }
      }
      int cap = Math.max(2 * k, budget / 4);
      if (k <= 12) {
        for (int mask = 0; mask < (1 << k) && out.size() < cap; mask++) {
          out.add(corner(mask));
        }
      } else {
        SplittableRandom r = random(-1);
        while (out.size() < cap) {
          double[] x = new double[k];
          for (int i = 0; i < k; i++) {
            x[i] = r.nextBoolean() ? space.axes().get(i).low() : space.axes().get(i).high();
          }
          out.add(x);
        }
      }
      return out;
    }

    double[] corner(long mask) {
      double[] x = new double[k];
      for (int i = 0; i < k; i++) {
        x[i] = (mask >> i & 1) == 0 ? space.axes().get(i).low() : space.axes().get(i).high();
      }
      return x;
    }

    /** Half the remaining budget: every param drawn, or (one try in four) a random few of them. */
    void randomPhase() {
      int n = (budget - spent) / 2;
      List<double[]> out = new ArrayList<>(n);
      for (int t = 0; t < n; t++) {
        SplittableRandom r = random(t);
        boolean few = r.nextInt(4) == 0;
        double[] x = defaults.clone();
        for (int i = 0; i < k; i++) {
          if (!few || r.nextInt(k) < 2) {
            x[i] = space.axes().get(i).at(r.nextDouble());
          }
        }
        out.add(x);
      }
      evaluate(out);
    }

    /**
     * The rest: for the assertion nearest to failing that has not failed, a walk from its
     * least-slack point: a batch of steps around it (a normal step in each param, scaled by the
     * range), moving to the best step while the slack falls, halving the step when it does not,
     * and restarting with a wide step once it is tiny.
     */
    void guidedPhase() {
      double[] scale = new double[k];
      for (int i = 0; i < k; i++) {
        TestSpace.Axis a = space.axes().get(i);
        scale[i] = a.high() - a.low();
      }
      int round = 0;
      double step = 0.25;
      int target = -1;
      while (!done()) {
        int a = nearest();
        if (a < 0) {
          return; // no assertion left with a finite slack to follow
        }
        if (a != target) {
          target = a;
          step = 0.25;
        }
        double[] from = bestPoint[a];
        double before = bestSlack[a];
        List<double[]> batch = new ArrayList<>(BATCH);
        for (int b = 0; b < BATCH; b++) {
          SplittableRandom r = random(1_000_000L + round * (long) BATCH + b);
          double[] x = from.clone();
          boolean one = r.nextBoolean();
          int only = r.nextInt(k);
          for (int i = 0; i < k; i++) {
            if (!one || i == only) {
              TestSpace.Axis ax = space.axes().get(i);
              x[i] = ax.snap(Math.min(ax.high(), Math.max(ax.low(), x[i] + r.nextGaussian() * step * scale[i])));
            }
          }
          batch.add(x);
        }
        evaluate(batch);
        round++;
        if (!(bestSlack[a] < before)) {
          step /= 2;
          if (step < 1e-9) {
            step = 0.25;
          }
        }
      }
    }

    /** The unfailed assertion with the least finite slack, or −1. */
    int nearest() {
      int best = -1;
      for (int a = 0; a < nAsserts; a++) {
        if (failing[a] == null && bestPoint[a] != null && Double.isFinite(bestSlack[a])
            && (best < 0 || bestSlack[a] < bestSlack[best])) {
          best = a;
        }
      }
      return best;
    }

    SplittableRandom random(long index) {
      return new SplittableRandom(Draws.mix(Draws.mix(seed) ^ (index * 0x9E3779B97F4A7C15L + 0x5851F42D4C957F2DL)));
    }
  }

  /** The {@code --set} lines of a point: the params that differ from their defaults. */
  static Map<String, String> set(TestSpace space, double[] x, double[] defaults, int digits) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      if (x[i] != defaults[i]) {
        TestSpace.Axis a = space.axes().get(i);
        out.put(a.name(), a.literal(x[i], digits));
      }
    }
    return out;
  }
}
