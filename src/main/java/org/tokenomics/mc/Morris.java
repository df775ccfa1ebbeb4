package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;

/**
 * Morris elementary effects of one scalar output (EMBEDDING.md §7): r trajectories (r = N), each
 * starting at a random point of a 4-level grid of every param's quantiles (the 12.5th, 37.5th,
 * 62.5th and 87.5th percentiles) and moving one param at a time, in a random order, by two levels
 * (Δ = 0.5 of probability). A param's elementary effect is the change of the output over that
 * move (upwards); μ* is the mean of their absolute values and σ their standard deviation, in
 * the output's unit. Moves are in probability space, so every param's step covers the same share
 * of its distribution. Draws are counter-based per trajectory: the same numbers on any thread count.
 */
public final class Morris {
  private Morris() {}

  static final double DELTA = 0.5;

  public record Effect(String param, double muStar, double mu, double sigma) {}

  public record Result(Tornado.Output output, int trajectories, List<Effect> effects) {}

  public static Result run(CompiledModel cm, List<CompiledModel.Override> overrides, String name, int r, long seed,
                           int threads, List<Diagnostic> errors) {
    Plan plan = plan(cm, overrides, name, r, seed, errors);
    return plan == null ? null : finish(plan, List.of(plan.part(0, r, threads)), errors);
  }

  /** What every part of one analysis shares: the sampled model, the output, the params, r and the seed. */
  public static final class Plan {
    private final CompiledModel cm;
    private final Sampler sampler;
    private final Tornado.Output out;
    private final List<UncertainParam> params;
    private final int r;
    private final long seed;

    private Plan(CompiledModel cm, Sampler sampler, Tornado.Output out, int r, long seed) {
      this.cm = cm;
      this.sampler = sampler;
      this.out = out;
      this.params = sampler.params();
      this.r = r;
      this.seed = seed;
    }

    /** The trajectories {@code [first, first + count)} (capped at r): their elementary effects. */
    public Part part(int first, int count, int threads) {
      int k = params.size();
      int n = Math.max(0, Math.min(r, first + count) - first);
      double[][] effects = new double[k][n]; // effects[i][t - first]
      EvalError[] firstError = new EvalError[1];
      long[] firstAt = {Long.MAX_VALUE};
      ThreadLocal<Frame> frames = ThreadLocal.withInitial(sampler::newFrame);
      Parallel.run(n, threads, j -> {
        try {
          trajectory(frames.get(), first + j, effects, j);
        } catch (EvalError e) {
          synchronized (firstError) {
            if (first + j < firstAt[0]) {
              firstAt[0] = first + j;
              firstError[0] = e;
            }
          }
        }
      }, () -> { });
      return new Part(first, effects, firstAt[0]);
    }

    /** Trajectory t's effects into {@code effects[i][j]}; EvalError when an evaluation fails. */
    private void trajectory(Frame f, long t, double[][] effects, int j) {
      int k = params.size();
      long stream = 0x9E3779B97F4A7C15L;
      int[] order = new int[k];
      double[] x = new double[k];
      for (int i = 0; i < k; i++) {
        order[i] = i;
        // a start level 0 or 1 (so +Δ stays on the grid), moved up or down at random
        x[i] = (Draws.uniform(seed, t * (3L * k) + i, stream) < 0.5 ? 0.125 : 0.375);
        if (Draws.uniform(seed, t * (3L * k) + k + i, stream) < 0.5) {
          x[i] += DELTA; // start high, step down
        }
      }
      for (int i = k - 1; i > 0; i--) { // Fisher–Yates, counter-based
        int jj = (int) (Draws.uniform(seed, t * (3L * k) + 2L * k + i, stream) * (i + 1));
        int tmp = order[i];
        order[i] = order[jj];
        order[jj] = tmp;
      }
      double before = eval(f, x, out.slot());
      for (int step = 0; step < k; step++) {
        int i = order[step];
        double dir = x[i] > 0.5 ? -1 : 1;
        x[i] += dir * DELTA;
        double after = eval(f, x, out.slot());
        effects[i][j] = (after - before) * dir; // the output change over a step of Δ, upwards
        before = after;
      }
    }
  }

  /**
   * The elementary effects of a range of trajectories (or the first one whose evaluation failed),
   * to be joined by {@link #finish}. Serializable: on a cluster it travels to the machine that merges.
   */
  public static final class Part implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int first;
    private final double[][] effects;
    private final long errorAt;

    Part(int first, double[][] effects, long errorAt) {
      this.first = first;
      this.effects = effects;
      this.errorAt = errorAt;
    }
  }

  /** The plan: the output and params checked; null after adding diagnostics. */
  public static Plan plan(CompiledModel cm, List<CompiledModel.Override> overrides, String name, int r, long seed,
                          List<Diagnostic> errors) {
    Sampler sampler = Sampler.of(cm, overrides);
    Tornado.Output out = Tornado.output(cm, sampler, name, errors);
    if (out == null) {
      return null;
    }
    if (sampler.params().isEmpty()) {
      errors.add(Diagnostics.make(cm.sources(), Severity.ERROR, Code.TOK302, null,
          "Morris effects need at least one param with a distribution", null, null));
      return null;
    }
    return new Plan(cm, sampler, out, r, seed);
  }

  /**
   * μ*, μ and σ from parts covering every trajectory once (in any order); null after adding the
   * earliest trajectory's evaluation error.
   */
  public static Result finish(Plan plan, List<Part> parts, List<Diagnostic> errors) {
    long errorAt = parts.stream().mapToLong(p -> p.errorAt).min().orElse(Long.MAX_VALUE);
    if (errorAt != Long.MAX_VALUE) { // the trajectory again, here, for the error itself
      try {
        plan.trajectory(plan.sampler.newFrame(), errorAt, new double[plan.params.size()][1], 0);
      } catch (EvalError e) {
        errors.add(Runner.diagnostic(plan.cm, e));
        return null;
      }
    }
    int r = plan.r;
    double[][] effects = new double[plan.params.size()][r]; // effects[i][t]
    for (Part p : parts) {
      for (int i = 0; i < effects.length; i++) {
        System.arraycopy(p.effects[i], 0, effects[i], p.first, p.effects[i].length);
      }
    }
    List<Effect> list = new ArrayList<>();
    for (UncertainParam p : plan.params) {
      double[] e = effects[p.index()];
      double sumAbs = 0;
      double sum = 0;
      for (double v : e) {
        sumAbs += Math.abs(v);
        sum += v;
      }
      double mean = sum / r;
      double ss = 0;
      for (double v : e) {
        ss += (v - mean) * (v - mean);
      }
      list.add(new Effect(p.name(), sumAbs / r, mean, r > 1 ? Math.sqrt(ss / (r - 1)) : 0));
    }
    list.sort(Comparator.comparingDouble(Effect::muStar).reversed().thenComparing(Effect::param));
    return new Result(plan.out, r, List.copyOf(list));
  }

  private static double eval(Frame f, double[] x, int slot) {
    System.arraycopy(x, 0, f.draws, 0, x.length);
    f.reset();
    return f.values(slot)[0];
  }
}
