package org.tokenomics.serve;

import org.tokenomics.Limits;
import org.tokenomics.api.Toolchain;
import org.tokenomics.check.Compiler;
import org.tokenomics.syntax.SourceFile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.Param;
import org.tokenomics.Scenario;
import org.tokenomics.Simulation;
import org.tokenomics.Tokenomics;
import org.tokenomics.Value;
import org.tokenomics.lsp.HoverText;

/**
 * What the page asks of a model, without HTTP: compile an editor's text, evaluate it under the
 * sliders' overrides (base and every scenario), simulate it, explain a value. Each answer is a
 * JSON object; a model that does not compile or evaluate answers with diagnostics, never an exception.
 */
final class Playground {
  /** Quantiles the fan charts draw: the band and its middle line. */
  static final double[] FAN = {0.05, 0.5, 0.95};

  private final Workspace workspace;
  private final Tokenomics tok;
  private final Models models = new Models();
  private static final Toolchain TOOLS = Toolchain.discovered();

  Playground(Workspace workspace) {
    this.workspace = workspace;
    this.tok = Tokenomics.builder().root(workspace.root()).build();
  }

  Workspace workspace() {
    return workspace;
  }

  /** {@code {path, text}} → diagnostics, and for a model that checks: its id, params, scenarios and first runs. */
  ObjectNode compile(Request req) {
    String path = req.string("path");
    String text = req.string("text");
    Path file = workspace.resolve(path);
    if (text.length() > Messages.MAX_SOURCE_BYTES) {
      throw new Refused(413, Messages.tooLarge(path));
    }
    Compilation c = tok.compile(file, text);
    ObjectNode out = Json.NODES.objectNode();
    out.put("ok", c.ok());
    List<Diagnostic> diagnostics = new ArrayList<>(c.diagnostics());
    if (!c.ok()) {
      out.set("diagnostics", Json.diagnostics(relative(diagnostics)));
      return out;
    }
    Model model = c.model();
    // The checked model beside it, for slider ranges, the tornado and explain (as the language server keeps one).
    Limits l = Limits.DEFAULT;
    org.tokenomics.check.CompiledModel checked = TOOLS.compile(new SourceFile(file.toString(), text, false), file,
        new Compiler.Options(workspace.root(), l.maxSourceBytes(), l.maxNesting(), l.maxNodes(), l.maxPeriods(),
            l.maxNames())).model();
    if (checked == null) {
      throw new IllegalStateException("the model compiled through the API but not through the toolchain");
    }
    Models.Entry e = models.add(path, model, checked, Insight.sliders(checked));
    out.put("id", e.id());
    out.set("periods", Json.strings(model.periods()));
    out.set("scenarios", Json.strings(model.scenarios()));
    out.set("params", params(e));
    out.set("runs", runs(model, Map.of(), true, diagnostics));
    out.set("diagnostics", Json.diagnostics(relative(diagnostics)));
    return out;
  }

  /** {@code {id, overrides, scenarios}} → the base run and, when asked, every scenario's. */
  ObjectNode evaluate(Request req) {
    Models.Entry e = entry(req);
    List<Diagnostic> diagnostics = new ArrayList<>();
    ObjectNode out = Json.NODES.objectNode();
    out.set("runs", runs(e.model(), req.overrides(), req.flag("scenarios"), diagnostics));
    out.set("diagnostics", Json.diagnostics(relative(diagnostics)));
    return out;
  }

  /**
   * {@code {id, overrides, samples, seed, output}} → per report its mean and fan quantiles (per
   * period for a series), the share of failed samples, and the tornado of {@code output} (the
   * first scalar report by default).
   */
  ObjectNode simulate(Request req) {
    Models.Entry e = entry(req);
    long samples = req.integer("samples", 2_000);
    if (samples < 1 || samples > Messages.MAX_SAMPLES) {
      throw new Refused(400, Messages.samples());
    }
    long seed = req.integer("seed", 1);
    Map<String, String> overrides = req.overrides();
    List<Diagnostic> diagnostics = new ArrayList<>();
    ObjectNode out = Json.NODES.objectNode();
    Simulation sim;
    try {
      sim = e.model().simulate(overrides, (int) samples, seed);
    } catch (EvaluationException ex) {
      diagnostics.add(ex.diagnostic());
      out.set("diagnostics", Json.diagnostics(relative(diagnostics)));
      return out;
    } catch (IllegalArgumentException ex) {
      out.set("diagnostics", Json.error(ex.getMessage()));
      return out;
    }
    out.put("samples", sim.samples());
    out.put("seed", sim.seed());
    out.set("uncertain", Json.strings(sim.uncertainParams()));
    ArrayNode reports = out.putArray("reports");
    String firstScalar = null;
    for (String name : sim.reportNames()) {
      ObjectNode r = stats(sim, name);
      if (r != null) {
        reports.add(r);
        if (firstScalar == null && !r.get("series").asBoolean()) {
          firstScalar = name;
        }
      }
    }
    diagnostics.addAll(sim.errors());
    String output = req.optionalString("output");
    if (output == null) {
      output = firstScalar;
    }
    if (output != null && !sim.uncertainParams().isEmpty()) {
      ObjectNode tornado = Insight.tornado(e.checked(), overrides, output, diagnostics);
      if (tornado != null) {
        out.set("tornado", tornado);
      }
    }
    out.set("diagnostics", Json.diagnostics(relative(diagnostics)));
    return out;
  }

  /** {@code {id, name, overrides}} → the derivation tree of a report or any named value. */
  ObjectNode explain(Request req) {
    Models.Entry e = entry(req);
    List<Diagnostic> diagnostics = new ArrayList<>();
    ObjectNode out = Json.NODES.objectNode();
    try {
      ObjectNode tree = Insight.explain(e.checked(), req.overrides(), req.string("name"), diagnostics);
      if (tree != null) {
        out.set("tree", tree);
      }
      out.put("periods_from", e.model().periods().get(0));
      out.set("diagnostics", Json.diagnostics(relative(diagnostics)));
    } catch (IllegalArgumentException ex) {
      out.set("diagnostics", Json.error(ex.getMessage()));
    }
    return out;
  }

  /**
   * {@code {path, text, offset}} → the language server's hover at that character of the editor's
   * text (Markdown), or null. A hover is a help: when it cannot be made, there is none.
   */
  ObjectNode hover(Request req) {
    String path = req.string("path");
    String text = req.string("text");
    long offset = req.integer("offset", -1);
    Path file = workspace.resolve(path);
    if (text.length() > Messages.MAX_SOURCE_BYTES) {
      throw new Refused(413, Messages.tooLarge(path));
    }
    String hover = null;
    if (offset >= 0 && offset <= text.length()) {
      try {
        hover = HoverText.at(file, text, (int) offset);
      } catch (RuntimeException e) {
        hover = null; // the language server's own rule: a failed hover shows nothing
      }
    }
    return Json.NODES.objectNode().put("hover", hover);
  }

  /** The model a request names by {@code id}; 409 when it is no longer held (the page compiles again). */
  Models.Entry entry(Request req) {
    Models.Entry e = models.get(req.string("id"));
    if (e == null) {
      throw new Refused(409, Messages.MODEL_GONE);
    }
    return e;
  }

  private ArrayNode params(Models.Entry e) {
    ArrayNode out = Json.NODES.arrayNode();
    for (Param p : e.model().params()) {
      ObjectNode o = out.addObject();
      o.put("name", p.name());
      o.put("default", p.defaultValue());
      o.put("uncertain", p.uncertain());
      e.sliders().stream().filter(s -> s.name().equals(p.name())).findFirst().ifPresent(s -> {
        ObjectNode slider = o.putObject("slider");
        slider.put("unit", s.unit());
        Json.number(slider, "value", s.value());
        Json.number(slider, "min", s.min());
        Json.number(slider, "max", s.max());
        if (s.values() != null) { // a discrete param: the slider steps through its values
          ArrayNode values = slider.putArray("values");
          for (double v : s.values()) {
            values.add(v);
          }
        }
      });
    }
    return out;
  }

  /** The base run and, when {@code all}, each scenario's, all under the overrides; errors become diagnostics. */
  private static ArrayNode runs(Model model, Map<String, String> overrides, boolean all, List<Diagnostic> diagnostics) {
    ArrayNode runs = Json.NODES.arrayNode();
    List<String> names = new ArrayList<>(List.of("base"));
    if (all) {
      names.addAll(model.scenarios());
    }
    for (String name : names) {
      try {
        runs.add(Json.run(model.evaluate(Scenario.named(name), overrides)));
      } catch (EvaluationException ex) {
        if (!diagnostics.contains(ex.diagnostic())) {
          diagnostics.add(ex.diagnostic());
        }
      } catch (IllegalArgumentException ex) { // an override that does not check: the same for every run
        diagnostics.clear();
        diagnostics.add(new Diagnostic(org.tokenomics.Severity.ERROR, "", ex.getMessage(), null, 0, 0, 0, 0, null, null, null));
        return Json.NODES.arrayNode();
      }
    }
    return runs;
  }

  private static ObjectNode stats(Simulation sim, String name) {
    Value mean;
    try {
      mean = sim.mean(name);
    } catch (IllegalArgumentException | EvaluationException ex) {
      return null; // a date or bool report, or one that failed in every sample
    }
    ObjectNode o = Json.NODES.objectNode();
    o.put("name", name);
    o.put("unit", mean.unit());
    o.put("series", mean.isSeries());
    o.set("mean", Json.numbers(mean.values()));
    for (double q : FAN) {
      o.set("p" + Math.round(q * 100), Json.numbers(sim.quantile(name, q).values()));
    }
    Json.number(o, "failed_share", sim.errorShare(name));
    return o;
  }

  /** Diagnostics name files relative to the served folder, as the page lists them. */
  private List<Diagnostic> relative(List<Diagnostic> list) {
    List<Diagnostic> out = new ArrayList<>(list.size());
    Path root = workspace.root();
    for (Diagnostic d : list) {
      String f = d.file();
      if (f != null) {
        try {
          Path p = Path.of(f);
          if (p.isAbsolute() && p.normalize().startsWith(root)) {
            f = root.relativize(p.normalize()).toString().replace('\\', '/');
          }
        } catch (RuntimeException ex) {
          // a name that is not a path (the prelude's): keep it
        }
      }
      out.add(new Diagnostic(d.severity(), d.code(), d.message(), f, d.line(), d.column(), d.endLine(), d.endColumn(),
          d.help(), d.sourceLine(), d.label()));
    }
    return out;
  }
}
