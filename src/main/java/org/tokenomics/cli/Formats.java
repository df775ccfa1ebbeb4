package org.tokenomics.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tokenomics.Tokenomics;
import org.tokenomics.report.CsvReporter;
import org.tokenomics.report.HtmlReporter;
import org.tokenomics.report.JsonReporter;
import org.tokenomics.report.TableReporter;
import org.tokenomics.spi.RunReport;
import org.tokenomics.spi.TokReporter;

/**
 * The one list of {@code tok run --format} choices: the built-in table, json, csv and html
 * ({@link Tokenomics#BUILT_IN_FORMATS}, names no plugin may take), then the plugin reporters of
 * the {@link Tokenomics} in the order found. Every format is a {@link TokReporter} rendering a
 * {@link RunReport}.
 */
final class Formats {
  private Formats() {}

  /** The built-in reporters, in the order of {@link Tokenomics#BUILT_IN_FORMATS}. */
  static final Map<String, TokReporter> BUILT_IN = builtIn();

  private static Map<String, TokReporter> builtIn() {
    Map<String, TokReporter> m = new LinkedHashMap<>();
    // no lambdas or streams: this runs before every `tok run`'s compile, and each lambda and
    // stream is a cold invokedynamic set-up (issue 22)
    m.put("table", reporter("table", true));
    m.put("json", reporter("json", true));
    m.put("csv", reporter("csv", false));
    m.put("html", reporter("html", true));
    if (!new java.util.ArrayList<>(m.keySet()).equals(Tokenomics.BUILT_IN_FORMATS)) {
      throw new IllegalStateException("the built-in reporters differ from Tokenomics.BUILT_IN_FORMATS");
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Formats that write a file of their own rather than text ({@code xlsx}: a workbook with live
   * formulas, EMBEDDING.md §8); they need {@code --out} and are not reporters of a run's values.
   */
  static final java.util.List<String> FILES = java.util.List.of("xlsx");

  /** Every format name {@code tok run --format} takes: the reporters, then the file formats. */
  static java.util.List<String> names(Tokenomics tok) {
    java.util.List<String> names = new java.util.ArrayList<>(all(tok).keySet());
    FILES.forEach(f -> {
      if (!names.contains(f)) {
        names.add(f);
      }
    });
    return names;
  }

  /** Every format available with {@code tok}: built-in first, then plugins. */
  static Map<String, TokReporter> all(Tokenomics tok) {
    Map<String, TokReporter> m = new LinkedHashMap<>(BUILT_IN);
    for (String f : tok.reporterFormats()) {
      m.putIfAbsent(f, tok.reporter(f).orElseThrow());
    }
    return m;
  }

  private static TokReporter reporter(String name, boolean rendersDiagnostics) {
    return new TokReporter() {
      @Override
      public String format() {
        return name;
      }

      @Override
      public String render(RunReport report) {
        return switch (name) {
          case "table" -> TableReporter.render(report);
          case "json" -> JsonReporter.render(report) + "\n";
          case "csv" -> CsvReporter.render(report);
          default -> HtmlReporter.render(report);
        };
      }

      @Override
      public boolean rendersDiagnostics() {
        return rendersDiagnostics;
      }
    };
  }
}
