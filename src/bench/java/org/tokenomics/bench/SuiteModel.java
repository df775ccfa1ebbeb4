package org.tokenomics.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tokenomics.Model;
import org.tokenomics.Tokenomics;

/**
 * One model of the evaluation suite (issue 23): its Tok source (a resource beside this class), its
 * hand-written Java twin and its JEXL twin, each giving the reports named in {@code reports} in
 * base units (a scalar report as an array of one).
 *
 * @param name    the name in RATIO lines ({@code minmax} …)
 * @param file    the Tok source
 * @param reports the reports compared, in the twins' order
 * @param java    the hand-written twin
 * @param jexl    the JEXL twin
 */
record SuiteModel(String name, String file, String[] reports, Supplier<double[][]> java,
                  Supplier<Supplier<double[][]>> jexl) {

  /** The suite's model names, in the order they are measured. */
  static final List<String> NAMES = List.of("sixty", "minmax", "lets", "recurrence", "family", "long600");

  /** The model called {@code name}. */
  static SuiteModel of(String name) {
    HandWritten.Inputs medians = HandWritten.Inputs.medians();
    return switch (name) {
      case "sixty" -> new SuiteModel(name, "sixty-months.tok", HandWritten.Outputs.NAMES,
          () -> arrays(HandWritten.evaluate(medians)), () -> {
            JexlModel jexl = new JexlModel();
            return () -> arrays(jexl.evaluate(medians));
          });
      case "long600" -> new SuiteModel(name, "long-600.tok", HandWritten.Outputs.NAMES,
          () -> arrays(HandWritten.evaluate(medians, 600)), () -> {
            JexlModel jexl = new JexlModel();
            return () -> arrays(jexl.evaluate(medians, 600));
          });
      case "minmax" -> new SuiteModel(name, "minmax-months.tok", HandWrittenMinMax.NAMES,
          HandWrittenMinMax::evaluate, () -> JexlTwins.minMax()::evaluate);
      case "lets" -> new SuiteModel(name, "many-lets.tok", HandWrittenLets.NAMES, HandWrittenLets::evaluate,
          () -> JexlTwins.lets()::evaluate);
      case "recurrence" -> new SuiteModel(name, "recurrence-months.tok", HandWrittenRecurrence.NAMES,
          HandWrittenRecurrence::evaluate, () -> JexlTwins.recurrence()::evaluate);
      case "family" -> new SuiteModel(name, "family-1000.tok", HandWrittenFamily.NAMES, HandWrittenFamily::evaluate,
          () -> JexlTwins.family()::evaluate);
      default -> throw new IllegalArgumentException("no suite model " + name + "; the suite has " + NAMES);
    };
  }

  /** The 60-month model's eleven reports as arrays (the npv last, as an array of one). */
  private static double[][] arrays(HandWritten.Outputs out) {
    double[][] series = out.series();
    double[][] all = Arrays.copyOf(series, series.length + 1);
    all[series.length] = new double[] {out.value};
    return all;
  }

  /** The Tok model, compiled. */
  Model compile() {
    return Tokenomics.standard().compile(file, Bench.resource(file)).model();
  }

  /** Tok's reports of one evaluation in base units, in the twins' order. */
  double[][] tok(Model model) {
    var compiled = org.tokenomics.TestModels.compiled(model);
    var run = org.tokenomics.run.Runner.run(compiled, compiled.program(), "base");
    if (!run.errors().isEmpty()) {
      throw new AssertionError(name + ": " + run.errors());
    }
    Map<String, double[]> byName = new HashMap<>();
    run.reports().forEach(r -> byName.put(r.spec().name(), r.values()));
    double[][] out = new double[reports.length][];
    for (int r = 0; r < reports.length; r++) {
      out[r] = byName.get(reports[r]);
      if (out[r] == null) {
        throw new AssertionError(name + ": no report " + reports[r]);
      }
    }
    return out;
  }

  /**
   * Fails unless {@code actual} gives {@code expected}'s numbers: each value to 1e-9 of itself, or
   * to 1e-9 of its report's largest value (a difference of large terms near zero).
   */
  void check(String what, double[][] expected, double[][] actual) {
    for (int r = 0; r < reports.length; r++) {
      if (expected[r].length != actual[r].length) {
        throw new AssertionError(name + " " + what + " " + reports[r] + ": " + actual[r].length + " values, not "
            + expected[r].length);
      }
      double scale = 0;
      for (double v : expected[r]) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int p = 0; p < expected[r].length; p++) {
        double a = expected[r][p];
        double b = actual[r][p];
        if (!(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9 * scale)) {
          throw new AssertionError(name + " " + what + " " + reports[r] + " period " + p + ": java " + a + ", "
              + what + " " + b);
        }
      }
    }
  }
}
