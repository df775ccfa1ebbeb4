package org.tokenomics.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.Limits;
import org.tokenomics.api.OverrideParser;
import org.tokenomics.api.Toolchain;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Compiler;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Program;
import org.tokenomics.run.Runner;
import org.tokenomics.spi.RunReport;
import org.tokenomics.syntax.SourceFile;

/**
 * {@code tok run FILE --format xlsx --out FILE.xlsx} (EMBEDDING.md §8): the model as a workbook
 * whose formulas are the model. Reads the checked model through the internal {@link Toolchain},
 * as the language server and the playground do; the command line has already compiled the file
 * through the public API and reported its diagnostics, so a model that does not check never
 * gets here.
 */
public final class XlsxExport {
  private static final Toolchain TOOLS = Toolchain.discovered();

  static {
    // POI logs through Log4j's API; without a provider Log4j prints a warning on every run. Its
    // simple logger (errors only) unless the host chose a logger context of its own.
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
  }

  private XlsxExport() {}

  /**
   * What an export wrote and why parts of it are values rather than formulas.
   *
   * @param notes one line per value the workbook holds as a number with a comment, saying why
   */
  public record Result(List<String> notes) {}

  /**
   * A Monte Carlo run to write beside the formulas: its statistics become values on the Reports
   * sheet, each with a comment naming the samples and the seed.
   *
   * @param report the run as reporters see it (statistics in each report's display unit)
   * @param seed   the seed it was drawn with
   */
  public record MonteCarlo(RunReport report, long seed) {}

  /**
   * Writes the workbook of {@code file}.
   *
   * @param file      the model
   * @param root      the folder imports stay inside (null: the file's folder)
   * @param scenarios the scenario columns ({@code base} is added first when missing)
   * @param selected  the scenario the workbook computes (its selector cell); one of {@code scenarios}
   * @param sets      {@code --set} overrides (applied in every scenario column, after the scenario)
   * @param out       where to write the workbook
   * @return the notes on what is not a formula
   * @throws IOException when the model cannot be read or the workbook not written
   * @throws IllegalArgumentException when the model does not check (the caller reports diagnostics first)
   */
  public static Result write(Path file, Path root, List<String> scenarios, String selected, Map<String, String> sets,
                             Path out)
      throws IOException {
    return write(file, root, scenarios, selected, sets, out, null);
  }

  /**
   * Writes the workbook of {@code file}, with a Monte Carlo run's statistics as values.
   *
   * @param file       the model
   * @param root       the folder imports stay inside (null: the file's folder)
   * @param scenarios  the scenario columns ({@code base} is added first when missing)
   * @param selected   the scenario the workbook computes (its selector cell); one of {@code scenarios}
   * @param sets       {@code --set} overrides (applied in every scenario column, after the scenario)
   * @param out        where to write the workbook
   * @param monteCarlo the run under {@code --samples}, or null for a deterministic run alone
   * @return the notes on what is not a formula
   * @throws IOException when the model cannot be read or the workbook not written
   * @throws IllegalArgumentException when the model does not check (the caller reports diagnostics first)
   */
  public static Result write(Path file, Path root, List<String> scenarios, String selected, Map<String, String> sets,
                             Path out, MonteCarlo monteCarlo)
      throws IOException {
    CompiledModel cm = compile(file, root);
    if (cm == null) {
      throw new IllegalArgumentException("the model does not check");
    }
    Plan plan = plan(cm, scenarios, selected, sets);
    try (OutputStream o = Files.newOutputStream(out)) {
      WorkbookWriter.write(plan, o, true, monteCarlo);
    }
    return new Result(List.copyOf(plan.notes));
  }

  /** The checked model of {@code file}, or null when it does not check. */
  static CompiledModel compile(Path file, Path root) throws IOException {
    String text = Files.readString(file);
    Limits l = Limits.DEFAULT;
    Path r = root != null ? root : file.toAbsolutePath().getParent();
    Compiler.Result c = TOOLS.compile(new SourceFile(file.toString(), text, false), file,
        new Compiler.Options(r, l.maxSourceBytes(), l.maxNesting(), l.maxNodes(), l.maxPeriods(), l.maxNames()));
    return c.diagnostics().stream().anyMatch(org.tokenomics.diag.Diagnostic::isError) ? null : c.model();
  }

  /** The workbook's plan: one Tok run per scenario column. */
  static Plan plan(CompiledModel cm, List<String> scenarios, String selected, Map<String, String> sets) {
    return runs(cm, scenarios, sets).plan(selected);
  }

  /** Tok's run of each scenario column, from which a plan per selected scenario is made. */
  record Runs(CompiledModel cm, List<String> names, List<Frame> frames, List<Set<Integer>> overridden) {
    /** The plan of the workbook that computes {@code selected}. */
    Plan plan(String selected) {
      return new Plan(cm, names, Math.max(0, names.indexOf(selected)), frames, overridden);
    }
  }

  /** Runs every scenario column once (base first, added when missing). */
  static Runs runs(CompiledModel cm, List<String> scenarios, Map<String, String> sets) {
    List<String> names = new ArrayList<>(scenarios);
    if (!names.contains("base")) {
      names.add(0, "base");
    }
    List<CompiledModel.Override> set = sets.isEmpty() ? List.of() : OverrideParser.compile(cm, sets);
    List<Frame> frames = new ArrayList<>();
    List<Set<Integer>> overridden = new ArrayList<>();
    for (String s : names) {
      List<CompiledModel.Override> o = new ArrayList<>(s.equals("base") ? List.of() : cm.scenarios().getOrDefault(s, List.of()));
      o.addAll(set); // --set wins over the scenario
      Program p = Runner.apply(cm.program(), o);
      frames.add(Runner.run(cm, p, s).frame());
      overridden.add(Plan.slots(o));
    }
    return new Runs(cm, names, frames, overridden);
  }
}
