package com.acme.tok;

import java.util.Locale;
import org.tokenomics.spi.RunReport;
import org.tokenomics.spi.TokReporter;

/** {@code tok run --format markdown}: one Markdown table per scenario. */
public final class MarkdownReporter implements TokReporter {
  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public String render(RunReport report) {
    StringBuilder b = new StringBuilder("# " + report.file() + "\n");
    for (RunReport.Run run : report.runs()) {
      b.append("\n## ").append(run.scenario()).append("\n\n| report | value | unit |\n|---|---|---|\n");
      for (RunReport.Report r : run.reports()) {
        double[] v = r.values();
        String shown = r.text() != null ? String.join(" ", r.text())
            : r.series() ? java.util.Arrays.stream(v).mapToObj(MarkdownReporter::num).reduce((x, y) -> x + " " + y).orElse("")
            : num(v[0]);
        b.append("| ").append(r.name()).append(" | ").append(shown).append(" | ").append(r.unit()).append(" |\n");
      }
    }
    return b.toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
