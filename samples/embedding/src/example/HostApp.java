package example;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Evaluation;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.Param;
import org.tokenomics.Tokenomics;

/**
 * A Java program that embeds Tok: it compiles a model once, lists its inputs, evaluates the base
 * case, then evaluates it again under several overrides of one input, and prints the results.
 *
 * <pre>
 * java -cp target/tok.jar:samples/embedding/classes example.HostApp [MODEL.tok]
 * </pre>
 */
public final class HostApp {
  private HostApp() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the host; returns 0 on success, 1 when the model has errors. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path file = Path.of(args.length > 0 ? args[0] : "samples/embedding/payback.tok");

    // 1. Compile once. Problems are data (Diagnostics), not exceptions.
    Tokenomics tok = Tokenomics.standard();
    Compilation compilation = tok.compile(file);
    if (!compilation.ok()) {
      compilation.diagnostics().forEach(d -> err.println(d.render()));
      return 1;
    }
    Model model = compilation.model();

    // 2. The model's inputs.
    out.println("inputs of " + file.getFileName() + ":");
    for (Param p : model.params()) {
      out.printf(Locale.ROOT, "  %-14s = %s%n", p.name(), p.defaultValue());
    }

    // 3. The base case, read in the units the host wants.
    Evaluation base = model.evaluate();
    out.printf(Locale.ROOT, "base: depreciation %.2f $B/yr, npv %.2f $B%n",
        base.value("depreciation").in("$B/yr"), base.value("npv").in("$B"));

    // 4. The same compiled model under overrides (Tok expressions, dimension-checked).
    out.println("gross margin -> npv at 8 %, revenue in 2030:");
    for (String margin : List.of("30 %", "40 %", "50 %", "60 %", "70 %")) {
      try {
        Evaluation e = model.evaluate(Map.of("gross_margin", margin));
        double[] revenue = e.value("revenue").series("$B/yr");
        out.printf(Locale.ROOT, "  %-5s npv %7.2f $B   revenue %6.2f $B/yr%n", margin, e.value("npv").in("$B"),
            revenue[revenue.length - 1]);
      } catch (EvaluationException ex) {
        Diagnostic d = ex.diagnostic();
        err.println(d.render());
        return 1;
      }
    }

    // 5. Monte Carlo: TODO(simulate) — when Model.simulate lands, replace this with e.g.
    //      Simulation mc = model.simulate(10_000, 42L);
    //      out.printf("npv p5 %.2f, mean %.2f $B%n", mc.quantile("npv", 0.05).in("$B"), mc.mean("npv").in("$B"));
    //    Until then the host sweeps an uncertain input by hand:
    out.println("hurdle rate -> npv:");
    for (String hurdle : List.of("6 %", "8 %", "10 %", "12 %")) {
      double npv = model.evaluate(Map.of("hurdle", hurdle)).value("npv").in("$B");
      out.printf(Locale.ROOT, "  %-5s npv %7.2f $B%n", hurdle, npv);
    }
    return 0;
  }
}
