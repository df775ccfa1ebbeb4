package org.tokenomics.mc;

import java.util.List;
import java.util.Map;
import org.tokenomics.eval.EvalError;

/**
 * The errors of a Monte Carlo run, counted once per sample and keyed by their code and place, so
 * that a thousand samples failing at one division are one line with a count and the first sample.
 */
final class SampleErrors {
  private SampleErrors() {}

  /** Counts an error once per sample, keyed by its code and place. */
  static void note(Map<String, McResult.SampleError> errs, List<String> seen, EvalError e, long sample) {
    String key = key(e);
    if (seen.contains(key)) {
      return;
    }
    seen.add(key);
    McResult.SampleError old = errs.get(key);
    errs.put(key, old == null ? new McResult.SampleError(e, 1, sample)
        : new McResult.SampleError(old.error(), old.samples() + 1, old.firstSample()));
  }

  /** The key of an error: its code and place. */
  static String key(EvalError e) {
    var s = e.span();
    return e.code() + "@" + (s == null ? "?" : s.file() + ":" + s.start() + "-" + s.end());
  }

  /**
   * Adds another block's or part's counts to {@code errors}: the samples add up, and the first
   * sample (with its error) is the earlier of the two.
   */
  static void merge(Map<String, McResult.SampleError> errors, Map<String, McResult.SampleError> more) {
    more.forEach((key, e) -> {
      McResult.SampleError old = errors.get(key);
      errors.put(key, old == null ? e : new McResult.SampleError(
          old.firstSample() <= e.firstSample() ? old.error() : e.error(), old.samples() + e.samples(),
          Math.min(old.firstSample(), e.firstSample())));
    });
  }
}
