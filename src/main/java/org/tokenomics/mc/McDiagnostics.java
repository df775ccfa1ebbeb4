package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;

/** A Monte Carlo run's findings as diagnostics: errors in some samples, assertions failing in some. */
public final class McDiagnostics {
  private McDiagnostics() {}

  /** The statistic holding the standard error of the mean (EMBEDDING.md §3's {@code stats}). */
  public static final String STANDARD_ERROR = "se";
  /** The statistic holding a money report's share of samples below zero. */
  public static final String BELOW_ZERO = "below_zero";

  /** One diagnostic per distinct evaluation error, naming the share of samples it spoiled. */
  public static List<Diagnostic> errors(CompiledModel model, McResult r) {
    List<Diagnostic> out = new ArrayList<>();
    for (McResult.SampleError e : r.errors()) {
      Diagnostic d = Runner.diagnostic(model, e.error());
      String where = String.format(Locale.ROOT, " — in %,d of %,d samples (%s)", e.samples(), r.samples(),
          percent((double) e.samples() / r.samples()));
      String help = (d.help() == null ? "" : d.help() + "; ") + "the first is sample " + e.firstSample()
          + " of seed " + r.seed() + "; statistics leave the failed samples out";
      out.add(new Diagnostic(d.severity(), d.code(), d.message() + where, d.file(), d.line(), d.column(), d.endLine(),
          d.endColumn(), help, d.sourceLine(), d.label()));
    }
    return out;
  }

  /** TOK501 for an assertion that failed in some samples (null when it held in all). */
  public static Diagnostic assertion(CompiledModel model, McResult.AssertStats a, int samples, String scenario) {
    if (a.failed() == 0) {
      return null;
    }
    String message = String.format(Locale.ROOT, "assertion failed in %,d of %,d samples (%s)%s: %s", a.failed(),
        samples, percent(a.failedShare()), scenario.equals("base") ? "" : " of scenario " + scenario,
        a.spec().message());
    return Diagnostics.make(model.sources(), Severity.ERROR, Code.TOK501, a.spec().span(),
        message, null, null);
  }

  /** A share as a percentage people read: {@code 12.3%}, {@code 0.05%}, {@code 100%}. */
  public static String percent(double share) {
    double p = 100 * share;
    if (p == 0 || p == 100) {
      return String.format(Locale.ROOT, "%.0f%%", p);
    }
    if (p >= 0.1 && p <= 99.9) {
      return String.format(Locale.ROOT, "%.1f%%", p);
    }
    if (p < 0.1) {
      return new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString() + "%";
    }
    return String.format(Locale.ROOT, "%.3f", p).replaceAll("0+$", "") + "%";
  }

  /** The name of a quantile statistic: 5 → {@code p5}, 2.5 → {@code p2.5}. */
  public static String statName(double percent) {
    if (percent == Math.rint(percent)) {
      return "p" + (long) percent;
    }
    return "p" + java.math.BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString();
  }
}
