package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.diag.Suggest;

/**
 * A Monte Carlo run that chooses its own number of samples ({@code tok run --samples auto
 * --tolerance 1 %}): samples are evaluated in steps, and after each step the relative standard
 * error of the mean (standard error over |mean|) of every target report is compared with the
 * tolerance; the run stops at the first checkpoint where all of them are within it, or at the cap.
 *
 * <p><b>Deterministic.</b> The checkpoints depend only on how many samples are done (1,000, then
 * steps of an eighth of the samples so far, rounded down to thousands; see {@link #next}), and the
 * statistics at a checkpoint are those of a run of that many samples (values fed in sample order),
 * so the number of samples chosen, and so every number, is the same on any thread count. The
 * result is bit for bit {@code MonteCarlo.run} of the samples chosen: a run of
 * {@code --samples N} with the N it reports gives the same numbers.
 *
 * <p><b>Cost.</b> While the samples so far fit the exact budget their values are kept and merged at
 * the end (nothing evaluated twice); beyond it only the targets' sums are kept, and the chosen
 * number of samples is then run again in the ordinary way (histograms), so a large automatic run
 * costs about twice its samples.
 */
public final class AutoRun {
  /** The first checkpoint and the smallest step between checkpoints. */
  static final int STEP = 1_000;

  private AutoRun() {}

  /**
   * The outcome.
   *
   * @param result    the run of the samples chosen
   * @param reached   true when every target's relative standard error is within the tolerance
   * @param worst     the target furthest from the tolerance (its report spec)
   * @param worstRelSe that target's relative standard error (a share; +∞ when its mean is 0 but its spread is not,
   *                  NaN when fewer than two samples evaluated)
   */
  public record Result(McResult result, boolean reached, CompiledModel.ReportSpec worst, double worstRelSe) {}

  /**
   * Runs until the tolerance is met or {@code cap} samples are done.
   *
   * @param tolerance the relative standard error to reach, a share (0.01 for 1 %), above 0
   * @param reports   the reports that must converge (scalar numbers); empty for every scalar numeric report
   * @param cap       the most samples to draw
   * @throws IllegalArgumentException for an unknown report, a series, a date, a bool, or a model without any
   *                                  scalar numeric report
   */
  public static Result run(CompiledModel model, List<CompiledModel.Override> overrides, double tolerance,
                           List<String> reports, int cap, long seed, MonteCarlo.Options options) {
    if (!(tolerance > 0 && tolerance < 1e300)) {
      throw new IllegalArgumentException("a tolerance is a share above 0 (0.01 for 1 %), got " + tolerance);
    }
    if (cap < 2) {
      throw new IllegalArgumentException("an automatic run needs a cap of at least 2 samples, got " + cap);
    }
    Sampler sampler = Sampler.of(model, overrides);
    List<Integer> targets = targets(model, sampler, reports);
    int[] cellOf = cells(model, sampler);
    long cells = cellOf[cellOf.length - 1];
    Moments[] spread = new Moments[targets.size()];
    for (int t = 0; t < spread.length; t++) {
      spread[t] = new Moments();
    }
    List<Partial> kept = new ArrayList<>();
    boolean keeping = true;
    int n = 0;
    int worst;
    double worstRel;
    while (true) {
      int to = next(n, cap, cells);
      int base = n;
      MonteCarlo.Options step = options.withProgress((done, total) -> options.progress().update(base + done, cap));
      Partial p = MonteCarlo.partial(model, sampler, n, to - n, seed, step);
      for (int t = 0; t < targets.size(); t++) {
        double[] v = p.values()[cellOf[targets.get(t)]];
        spread[t].addAll(v, 0, v.length);
      }
      n = to;
      keeping &= (long) n * cells <= options.exactBudget();
      if (keeping) {
        kept.add(p);
      } else {
        kept.clear();
      }
      worst = -1;
      worstRel = 0;
      for (int t = 0; t < targets.size(); t++) {
        double rel = relative(spread[t]);
        if (worst < 0 || !Double.isNaN(worstRel) && (Double.isNaN(rel) || rel > worstRel)) {
          worst = t;
          worstRel = rel;
        }
      }
      if (worstRel <= tolerance || n >= cap) {
        break;
      }
    }
    McResult result = keeping ? MonteCarlo.merge(model, sampler, kept, n, options)
        : new Engine(model, sampler, n, seed, options, 0, false).run();
    return new Result(result, worstRel <= tolerance, model.reports().get(targets.get(worst)), worstRel);
  }

  /**
   * The checkpoint after {@code n} samples: 1,000, then steps of an eighth of {@code n} (so the
   * run overshoots the samples it needed by at most an eighth), in whole thousands, and no more
   * than about 16 million values at a time (a step's values are held until it is fed); at most
   * {@code cap}.
   */
  static int next(int n, int cap, long cells) {
    long step = Math.max(STEP, n / 8 / STEP * STEP);
    step = Math.min(step, Math.max(STEP, MonteCarlo.WAVE_BUDGET / Math.max(1, cells) / STEP * STEP));
    return (int) Math.min(cap, n + step);
  }

  /** Standard error over |mean|: 0 for a constant, +∞ for a spread around a mean of 0, NaN below 2 samples. */
  static double relative(Moments m) {
    double se = m.standardError();
    if (se == 0) {
      return 0;
    }
    return se / Math.abs(m.mean());
  }

  /** The reports that must converge, by index; every scalar numeric report when none are named. */
  private static List<Integer> targets(CompiledModel model, Sampler sampler, List<String> names) {
    List<CompiledModel.ReportSpec> all = model.reports();
    List<Integer> out = new ArrayList<>();
    if (names.isEmpty()) {
      for (int r = 0; r < all.size(); r++) {
        if (scalarNumber(sampler, all.get(r))) {
          out.add(r);
        }
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("an automatic number of samples needs a scalar report whose mean can"
            + " converge; this model's reports are all series, dates or conditions");
      }
      return out;
    }
    List<String> known = all.stream().map(CompiledModel.ReportSpec::name).toList();
    for (String name : names) {
      int r = known.indexOf(name);
      if (r < 0) {
        String near = Suggest.closest(name, known);
        throw new IllegalArgumentException("no report named '" + name + "'"
            + (near != null ? "; did you mean '" + near + "'?" : "; reports: " + known));
      }
      if (!scalarNumber(sampler, all.get(r))) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is %s; a tolerance applies to the mean of a"
            + " scalar report", name, sampler.program().cell(all.get(r).slot()).series() ? "a series"
            : all.get(r).type().describe()));
      }
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  private static boolean scalarNumber(Sampler sampler, CompiledModel.ReportSpec spec) {
    return spec.type().tag() == Type.Tag.NUMBER && !sampler.program().cell(spec.slot()).series();
  }

  /** Each report's first value column (as {@link Engine} lays them out), then the number of columns. */
  private static int[] cells(CompiledModel model, Sampler sampler) {
    List<CompiledModel.ReportSpec> all = model.reports();
    int[] out = new int[all.size() + 1];
    int c = 0;
    for (int r = 0; r < all.size(); r++) {
      CompiledModel.ReportSpec spec = all.get(r);
      out[r] = c;
      if (spec.type().tag() == Type.Tag.NUMBER) {
        c += sampler.program().cell(spec.slot()).series() ? sampler.program().timeline().size() : 1;
      }
    }
    out[all.size()] = c;
    return out;
  }
}
