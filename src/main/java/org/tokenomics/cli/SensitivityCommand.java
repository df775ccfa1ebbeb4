package org.tokenomics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tokenomics.Diagnostic;
import org.tokenomics.Sensitivity;
import org.tokenomics.text.Fmt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tok sensitivity FILE --output NAME}: a tornado of the uncertain params. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, description = "Rank uncertain params by how far their p5..p95 moves an output (tornado), or by Sobol or Morris indices.",
    footerHeading = "%nExamples:%n",
    footer = {"  tok sensitivity model.tok --output breakeven",
        "  tok sensitivity model.tok --output npv --out tornado.png",
        "  tok sensitivity model.tok --output npv --method sobol --out sobol.svg",
        "  tok sensitivity model.tok --output npv --method sobol --format html",
        "  tok sensitivity model.tok --output npv --method sobol --spark 'local[*]'"})
final class SensitivityCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .tok file")
  Path file;

  @Option(names = "--output", paramLabel = "NAME", required = true, description = "a report or value with one number")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, or html (a page with the tornado, and the Sobol bars beside it for --method sobol)")
  String format = "table";

  @Mixin
  CaseOptions inputs;

  @Mixin
  GlobalSensitivity global;

  @Option(names = "--out", paramLabel = "FILE.png|FILE.svg", description = "also draw the tornado (with --method sobol the Sobol bars, with --method morris the Morris plot) as a chart")
  java.nio.file.Path chartFile;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int HALF = 20;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (chartFile != null && org.tokenomics.chart.ChartFiles.formatOf(chartFile) == null) {
      err.println("tok: --out must name a .png or .svg file, got '" + chartFile + "'");
      return 2;
    }
    if (!CliInputs.knownFormat(format, List.of("table", "json", "html"), "sensitivity", err) || !global.valid(err)) {
      return 2;
    }
    CaseOptions.Case loaded = inputs.load(file, err);
    if (!loaded.ok()) {
      return loaded.exit();
    }
    if (!global.tornado() && !format.equals("html")) {
      return global.run(file.toString(), loaded.model(), loaded.scenario(), loaded.overrides(), output, format, chartFile,
          out, err);
    }
    Sensitivity r = loaded.model().sensitivity(output, loaded.scenario(), loaded.overrides());
    if (!r.ok()) {
      return CliInputs.fail(r.diagnostics(), err, file.toString());
    }
    if (format.equals("html")) {
      // the page shows the tornado beside the global method's chart: both analyses are run
      org.tokenomics.GlobalSensitivity g = null;
      if (!global.tornado()) {
        try {
          g = global.result(file, loaded.model(), loaded.scenario(), loaded.overrides(), output);
        } catch (SparkRoute.Unavailable x) {
          err.println("tok: " + x.getMessage());
          return 2;
        }
        if (!g.ok()) {
          return CliInputs.fail(g.diagnostics(), err, file.toString());
        }
      }
      out.print(SensitivityPage.render(file.toString(), r, g));
      out.flush();
      if (chartFile != null && !SensitivityCharts.write(g != null ? SensitivityCharts.global(g) : SensitivityCharts.tornado(r),
          r.bars().size(), chartFile, err)) {
        return 1;
      }
    } else {
      out.print(format.equals("json") ? json(file.toString(), r) : table(r));
      out.flush();
      if (chartFile != null && !tornado(r, chartFile, err)) {
        return 1;
      }
    }
    List<Diagnostic> failed = r.bars().stream().map(Sensitivity.Bar::error).filter(d -> d != null).toList();
    failed.forEach(d -> err.println(d.render()));
    return failed.isEmpty() ? 0 : 1;
  }

  static String table(Sensitivity r) {
    String unit = r.unit();
    StringBuilder b = new StringBuilder();
    b.append("sensitivity of ").append(r.output()).append(unit.isEmpty() ? "" : " (" + unit + ")")
        .append(": ").append(show(r.base(), r)).append(" with every uncertain param at its median\n");
    if (r.bars().isEmpty()) {
      b.append("no param is a distribution: nothing to rank\n");
      return b.toString();
    }
    b.append("each param at its p5 and its p95, the others at their median; largest swing first\n\n");
    double scale = 0;
    for (Sensitivity.Bar bar : r.bars()) {
      if (bar.error() == null) {
        scale = Math.max(scale, Math.max(Math.abs(bar.outputAtLow() - r.base()), Math.abs(bar.outputAtHigh() - r.base())));
      }
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"param", "p5", "p95", r.output() + " at p5", r.output() + " at p95", "swing", ""});
    for (Sensitivity.Bar bar : r.bars()) {
      String in5 = Fmt.quantity(bar.low(), bar.unit());
      String in95 = Fmt.quantity(bar.high(), bar.unit());
      if (bar.error() != null) {
        rows.add(new String[] {bar.param(), in5, in95, "error", "error", "", bar.error().message()});
        continue;
      }
      rows.add(new String[] {bar.param(), in5, in95, show(bar.outputAtLow(), r), show(bar.outputAtHigh(), r),
          show(bar.swing(), r), bar(bar, r.base(), scale)});
    }
    int[] width = new int[7];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (int k = 0; k < rows.size(); k++) {
      String[] row = rows.get(k);
      StringBuilder line = new StringBuilder("  ").append(pad(row[0], width[0], false));
      for (int i = 1; i < 6; i++) {
        line.append("  ").append(pad(row[i], width[i], true));
      }
      line.append("  ").append(row[6]);
      b.append(line.toString().stripTrailing()).append('\n');
      if (k == 0) {
        b.append("  ").append("-".repeat(line.toString().strip().length())).append('\n');
      }
    }
    return b.toString();
  }

  /** The bar from the lower to the higher output, centred on the base value. */
  private static String bar(Sensitivity.Bar bar, double base, double scale) {
    char[] cells = new char[2 * HALF + 1];
    java.util.Arrays.fill(cells, ' ');
    cells[HALF] = '|';
    if (scale > 0) {
      int left = (int) Math.round(HALF * (base - Math.min(bar.outputAtLow(), bar.outputAtHigh())) / scale);
      int right = (int) Math.round(HALF * (Math.max(bar.outputAtLow(), bar.outputAtHigh()) - base) / scale);
      for (int i = 1; i <= Math.max(0, left); i++) {
        cells[HALF - i] = '=';
      }
      for (int i = 1; i <= Math.max(0, right); i++) {
        cells[HALF + i] = '=';
      }
    }
    return new String(cells);
  }

  private static String show(double value, Sensitivity r) {
    return Fmt.quantity(value, r.unit());
  }

  private static String pad(String s, int w, boolean right) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return right ? fill + s : s + fill;
  }

  static String json(String file, Sensitivity r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", file);
    ObjectNode out = root.putObject("output");
    out.put("name", r.output());
    out.put("unit", r.unit());
    out.put("base", r.base());
    ArrayNode params = root.putArray("params");
    for (Sensitivity.Bar bar : r.bars()) {
      ObjectNode p = params.addObject();
      p.put("name", bar.param());
      if (bar.distribution() != null) {
        p.put("distribution", bar.distribution());
      }
      p.put("unit", bar.unit());
      p.put("p5", bar.low());
      p.put("p95", bar.high());
      if (bar.error() != null) {
        p.put("error", bar.error().code() + ": " + bar.error().message());
        continue;
      }
      p.put("low", bar.outputAtLow());
      p.put("high", bar.outputAtHigh());
      p.put("swing", bar.swing());
    }
    root.putArray("diagnostics");
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code tok sensitivity --out}: the tornado as a chart, widest swing on top; false after saying why not. */
  static boolean tornado(Sensitivity r, Path file, PrintWriter err) {
    int drawn = (int) r.bars().stream().filter(b -> b.error() == null).count();
    return SensitivityCharts.write(SensitivityCharts.tornado(r), drawn, file, err);
  }
}
