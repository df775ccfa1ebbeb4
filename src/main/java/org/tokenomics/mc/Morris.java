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
    Sampler sampler = Sampler.of(cm, overrides);
    Tornado.Output out = Tornado.output(cm, sampler, name, errors);
    if (out == null) {
      return null;
    }
    List<UncertainParam> params = sampler.params();
    int k = params.size();
    if (k == 0) {
      errors.add(Diagnostics.make(cm.sources(), Severity.ERROR, Code.TOK302, null,
          "Morris effects need at least one param with a distribution", null, null));
      return null;
    }
    double[][] effects = new double[k][r]; // effects[i][t]
    EvalError[] firstError = new EvalError[1];
    long[] firstAt = {Long.MAX_VALUE};
    ThreadLocal<Frame> frames = ThreadLocal.withInitial(sampler::newFrame);
    Parallel.run(r, threads, t -> {
      Frame f = frames.get();
      long stream = 0x9E3779B97F4A7C15L;
      int[] order = new int[k];
      double[] x = new double[k];
      for (int i = 0; i < k; i++) {
        order[i] = i;
        // a start level 0 or 1 (so +Δ stays on the grid), moved up or down at random
        x[i] = (Draws.uniform(seed, (long) t * (3L * k) + i, stream) < 0.5 ? 0.125 : 0.375);
        if (Draws.uniform(seed, (long) t * (3L * k) + k + i, stream) < 0.5) {
          x[i] += DELTA; // start high, step down
        }
      }
      for (int i = k - 1; i > 0; i--) { // Fisher–Yates, counter-based
        int j = (int) (Draws.uniform(seed, (long) t * (3L * k) + 2L * k + i, stream) * (i + 1));
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      try {
        double before = eval(f, x, out.slot());
        for (int step = 0; step < k; step++) {
          int i = order[step];
          double dir = x[i] > 0.5 ? -1 : 1;
          x[i] += dir * DELTA;
          double after = eval(f, x, out.slot());
          effects[i][t] = (after - before) * dir; // the output change over a step of Δ, upwards
          before = after;
        }
      } catch (EvalError e) {
        synchronized (firstError) {
          if (t < firstAt[0]) {
            firstAt[0] = t;
            firstError[0] = e;
          }
        }
      }
    }, () -> { });
    if (firstError[0] != null) {
      errors.add(Runner.diagnostic(cm, firstError[0]));
      return null;
    }
    List<Effect> list = new ArrayList<>();
    for (UncertainParam p : params) {
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
    return new Result(out, r, List.copyOf(list));
  }

  private static double eval(Frame f, double[] x, int slot) {
    System.arraycopy(x, 0, f.draws, 0, x.length);
    f.reset();
    return f.values(slot)[0];
  }
}
