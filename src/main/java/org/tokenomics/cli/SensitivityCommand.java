package org.tokenomics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tokenomics.Diagnostic;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.mc.Tornado;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tok sensitivity FILE --output NAME}: a tornado of the uncertain params. */
@Command(name = "sensitivity", description = "Rank uncertain params by how far their p5..p95 moves an output (tornado), or by Sobol indices.")
final class SensitivityCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Option(names = "--output", paramLabel = "NAME", required = true, description = "a report or value with one number")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json")
  String format = "table";

  @Mixin
  CaseOptions inputs;

  @Mixin
  GlobalSensitivity global;

  @Option(names = "--out", paramLabel = "FILE.png|FILE.svg", description = "also draw the tornado as a chart")
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
    if (!CliInputs.knownFormat(format, List.of("table", "json"), "sensitivity", err) || !global.valid(err)) {
      return 2;
    }
    if (!global.tornado() && chartFile != null) {
      err.println("tok: --out draws the tornado; it is not available with --method " + global.method);
      return 2;
    }
    CaseOptions.Case loaded = inputs.load(file, err);
    if (!loaded.ok()) {
      return loaded.exit();
    }
    CompiledModel cm = loaded.model();
    if (!global.tornado()) {
      return global.run(file.toString(), cm, loaded.overrides(), output, format, out, err);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<CompiledModel.Override> base = loaded.overrides();
    Tornado.Result r = diagnostics.isEmpty() ? Tornado.run(cm, base, output, diagnostics) : null;
    if (r == null) {
      return CliInputs.fail(diagnostics, err, file.toString());
    }
    out.print(format.equals("json") ? json(file.toString(), r) : table(r));
    out.flush();
    if (chartFile != null && !ChartCommand.tornado(r, chartFile, err)) {
      return 1;
    }
    List<Diagnostic> failed = r.bars().stream().map(Tornado.Bar::error).filter(d -> d != null).toList();
    failed.forEach(d -> err.println(d.render()));
    return failed.isEmpty() ? 0 : 1;
  }

  static String table(Tornado.Result r) {
    Tornado.Output o = r.output();
    String unit = o.unit().name();
    StringBuilder b = new StringBuilder();
    b.append("sensitivity of ").append(o.name()).append(unit.isEmpty() ? "" : " (" + unit + ")")
        .append(": ").append(show(r.base(), o)).append(" with every uncertain param at its median\n");
    if (r.bars().isEmpty()) {
      b.append("no param is a distribution: nothing to rank\n");
      return b.toString();
    }
    b.append("each param at its p5 and its p95, the others at their median; largest swing first\n\n");
    double scale = 0;
    for (Tornado.Bar bar : r.bars()) {
      if (bar.error() == null) {
        scale = Math.max(scale, Math.max(Math.abs(bar.outLow() - r.base()), Math.abs(bar.outHigh() - r.base())));
      }
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"param", "p5", "p95", o.name() + " at p5", o.name() + " at p95", "swing", ""});
    for (Tornado.Bar bar : r.bars()) {
      String in5 = Fmt.quantity(bar.unit().fromBase(bar.inLow()), bar.unit().name());
      String in95 = Fmt.quantity(bar.unit().fromBase(bar.inHigh()), bar.unit().name());
      if (bar.error() != null) {
        rows.add(new String[] {bar.param(), in5, in95, "error", "error", "", bar.error().message()});
        continue;
      }
      rows.add(new String[] {bar.param(), in5, in95, show(bar.outLow(), o), show(bar.outHigh(), o),
          show(bar.swing(), o), bar(bar, r.base(), scale)});
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
      b.append(line.toString().replaceAll("\\s+$", "")).append('\n');
      if (k == 0) {
        b.append("  ").append("-".repeat(line.toString().strip().length())).append('\n');
      }
    }
    return b.toString();
  }

  /** The bar from the lower to the higher output, centred on the base value. */
  private static String bar(Tornado.Bar bar, double base, double scale) {
    char[] cells = new char[2 * HALF + 1];
    java.util.Arrays.fill(cells, ' ');
    cells[HALF] = '|';
    if (scale > 0) {
      int left = (int) Math.round(HALF * (base - Math.min(bar.outLow(), bar.outHigh())) / scale);
      int right = (int) Math.round(HALF * (Math.max(bar.outLow(), bar.outHigh()) - base) / scale);
      for (int i = 1; i <= Math.max(0, left); i++) {
        cells[HALF - i] = '=';
      }
      for (int i = 1; i <= Math.max(0, right); i++) {
        cells[HALF + i] = '=';
      }
    }
    return new String(cells);
  }

  private static String show(double base, Tornado.Output o) {
    return Fmt.quantity(o.unit().fromBase(base), o.unit().name());
  }

  private static String pad(String s, int w, boolean right) {
    String fill = " ".repeat(Math.max(0, w - s.length()));
    return right ? fill + s : s + fill;
  }

  static String json(String file, Tornado.Result r) {
    Tornado.Output o = r.output();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", file);
    ObjectNode out = root.putObject("output");
    out.put("name", o.name());
    out.put("unit", o.unit().name());
    out.put("base", o.unit().fromBase(r.base()));
    ArrayNode params = root.putArray("params");
    for (Tornado.Bar bar : r.bars()) {
      ObjectNode p = params.addObject();
      p.put("name", bar.param());
      if (bar.distribution() != null) {
        p.put("distribution", bar.distribution());
      }
      p.put("unit", bar.unit().name());
      p.put("p5", bar.unit().fromBase(bar.inLow()));
      p.put("p95", bar.unit().fromBase(bar.inHigh()));
      if (bar.error() != null) {
        p.put("error", bar.error().code() + ": " + bar.error().message());
        continue;
      }
      p.put("low", o.unit().fromBase(bar.outLow()));
      p.put("high", o.unit().fromBase(bar.outHigh()));
      p.put("swing", o.unit().fromBase(bar.swing()));
    }
    root.putArray("diagnostics");
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
