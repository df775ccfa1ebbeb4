package org.tokenomics.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.syntax.SyntaxParser;
import org.tokenomics.syntax.TokFile;
import org.tokenomics.syntax.UnitExpr;
import org.tokenomics.units.DimensionFormat;
import org.tokenomics.units.Unit;
import org.tokenomics.units.Units;

/** Parse → resolve → check → build: one compile of a main file with its prelude and imports. */
public final class Compiler {

  /** Limits and the import root. */
  public record Options(Path root, long maxSourceBytes, int maxNesting, int maxNodes, long maxPeriods, int maxNames) {
    public static Options defaults(Path root) {
      return new Options(root, org.tokenomics.diag.DefaultLimits.MAX_SOURCE_BYTES, org.tokenomics.diag.DefaultLimits.MAX_NESTING,
          org.tokenomics.diag.DefaultLimits.MAX_NODES, org.tokenomics.diag.DefaultLimits.MAX_PERIODS,
          org.tokenomics.diag.DefaultLimits.MAX_NAMES);
    }
  }

  /** A compile's outcome: the model (null when there are errors) and every diagnostic. */
  public record Result(CompiledModel model, List<Diagnostic> diagnostics) {}

  private Compiler() {}

  /**
   * @param prelude  library sources loaded before everything else: name → text
   * @param modules  {@code std:NAME} → source, or null
   */
  public static Result compile(SourceFile main, Path location, Options options, Map<String, String> prelude,
                               Function<String, String> modules) {
    return compile(main, location, options, prelude, modules, Map.of());
  }

  /**
   * As above, with Java-implemented plugin functions by name. The compile runs on a thread of its
   * own with a stack of {@link #STACK_BYTES}, so what it accepts never depends on the caller's stack.
   */
  public static Result compile(SourceFile main, Path location, Options options, Map<String, String> prelude,
                               Function<String, String> modules, Map<String, org.tokenomics.spi.TokFunction> functions) {
    Result[] result = new Result[1];
    Throwable[] failure = new Throwable[1];
    // An anonymous class, not a lambda: on the command line this may be the process's first
    // lambda, whose java.lang.invoke set-up (some 5 ms cold) the compile thread then pays beside
    // the warm-up thread's parse of the prelude, rather than this thread before starting it.
    Thread t = new Thread(null, new Runnable() {
      @Override
      public void run() {
        try {
          // "Did you mean" has a budget per compile, on the compiling thread (safety.md).
          try (AutoCloseable scope = org.tokenomics.diag.Suggest.budget(SUGGESTION_BUDGET)) {
            result[0] = compileHere(main, location, options, prelude, modules, functions);
          }
        } catch (Throwable e) {
          failure[0] = e;
        }
      }
    }, "tok-compile", STACK_BYTES);
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // finish the compile, then restore the flag
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    } else if (failure[0] instanceof Error e) {
      throw e;
    }
    return result[0];
  }

  /**
   * Candidate comparisons "did you mean" may make in one compile, all unknown names together
   * (about a tenth of a second); a model with a handful of typos never comes near it.
   */
  static final long SUGGESTION_BUDGET = 1_000_000;

  /** The stack of the compiling thread: room for the checker's recursion at every limit. */
  static final long STACK_BYTES = 64L << 20;

  private static Result compileHere(SourceFile main, Path location, Options options, Map<String, String> prelude,
                                    Function<String, String> modules,
                                    Map<String, org.tokenomics.spi.TokFunction> functions) {
    // The built-ins' registry (some fifty lambdas: 15-40 ms on a cold JVM) is set up first: a
    // one-shot command's compile would otherwise wait idle just below for the warm-up thread's
    // parse of the prelude, and set it up afterwards (issue 22). Syntax never loads check classes,
    // so the two threads' class initialisations cannot wait for each other.
    BuiltinFunctions.names();
    org.tokenomics.diag.StartupTrace.mark("compile: built-ins ready");
    Diagnostics diags = new Diagnostics();
    SyntaxParser parser = new SyntaxParser(options.maxNesting(), options.maxNodes());
    parseLastFirst(prelude, parser);
    Loader loader = new Loader(diags, parser, modules, options.root(), options.maxSourceBytes());
    prelude.forEach(loader::library);
    org.tokenomics.diag.StartupTrace.mark("compile: prelude parsed");
    TokFile mainFile = loader.main(main, location);
    org.tokenomics.diag.StartupTrace.mark("compile: model parsed");
    if (mainFile == null || diags.all().stream().anyMatch(d -> d.code().equals("TOK100") || d.code().equals("TOK600"))) {
      return new Result(null, diags.all());
    }
    Checker ck = new Checker(diags, new Units());
    ck.pluginFunctions = Map.copyOf(functions);
    ck.data = new DataFiles(loader, diags, options.maxSourceBytes());
    Registrar reg = new Registrar(ck, options.maxPeriods());
    reg.maxNames = options.maxNames();
    reg.register(loader.files(), mainFile, loader.amended());
    org.tokenomics.diag.StartupTrace.mark("compile: declarations registered");
    if (ck.globals.size() > options.maxNames()) {
      diags.error(Code.TOK600, Span.NONE, "the model declares " + ck.globals.size() + " names (limit: max names "
          + options.maxNames() + ")");
      return new Result(null, diags.all());
    }
    try {
      for (CellSym c : CheckOrder.of(ck)) {
        ck.check(c);
      }
      for (int i = 0; i < ck.cells.size(); i++) {
        ck.check(ck.cells.get(i));
      }
    } catch (StackOverflowError e) {
      diags.error(Code.TOK600, Span.NONE, "the model's definitions nest too deeply to check (limit: the thread's stack)",
          "split long chains of definitions, or run the compiler on a thread with a larger stack");
      return new Result(null, diags.all());
    }
    org.tokenomics.diag.StartupTrace.mark("compile: cells checked");
    PrevUnits.verify(ck); // every prev's unit against the value it reads, now that all are checked
    List<CompiledModel.ReportSpec> reports = reports(ck, reg);
    List<CompiledModel.AssertSpec> asserts = new ArrayList<>();
    for (Registrar.AssertDecl a : reg.asserts) {
      Decl.Assert decl = a.decl();
      CellSym cell = a.cell();
      String message = decl.message() != null ? decl.message()
          : org.apache.commons.lang3.StringUtils.normalizeSpace(cell.ctx.file().slice(decl.cond().span()));
      // An assertion inherited from an amended base names its file, as its diagnostics do.
      String file = decl.span().file().equals(mainFile.source().name()) ? null : decl.span().file();
      asserts.add(new CompiledModel.AssertSpec(message, cell.slot, decl.span().line(), decl.span(), file));
    }
    Map<String, List<CompiledModel.Override>> scenarios = new LinkedHashMap<>();
    reg.scenarios.forEach((name, s) -> {
      List<CompiledModel.Override> list = new ArrayList<>();
      for (Decl.Assign a : s.sets()) {
        CompiledModel.Override o = Overrides.compile(ck, a.target(), a.targetSpan(), a.value(), reg.scenarioFiles.get(s));
        if (o != null) {
          list.add(o);
        }
      }
      scenarios.put(name, List.copyOf(list));
    });
    List<CompiledModel.Correlation> correlations = Correlations.check(ck, reg.correlates);
    if (diags.hasErrors()) {
      return new Result(null, diags.all());
    }
    NodeBuilder nb = new NodeBuilder(ck.timeline.declared());
    List<CompiledModel.ParamSpec> params = new ArrayList<>();
    Map<String, CellSym> byName = new LinkedHashMap<>();
    ck.globals.forEach((name, sym) -> {
      if (sym instanceof CellSym c) {
        byName.put(name, c);
        if (c.isParam()) {
          params.add(param(name, c, nb));
        }
      } else if (sym instanceof InstanceSym inst) {
        inst.attrs.forEach((attr, c) -> {
          byName.put(c.name, c);
          if (c.isParam() && c.type.tag() != Type.Tag.INSTANCE) {
            params.add(param(c.name, c, nb));
          }
        });
      }
    });
    org.tokenomics.eval.Program program = ProgramBuilder.build(ck); // reports recurrences it cannot compute
    if (diags.hasErrors()) {
      return new Result(null, diags.all());
    }
    org.tokenomics.diag.StartupTrace.mark("compile: evaluation nodes built");
    CompiledModel model = new CompiledModel(program, List.copyOf(reports), List.copyOf(asserts),
        List.copyOf(params), scenarios, byName, correlations, ck);
    return new Result(model, diags.all());
  }

  /**
   * Parses the prelude's last file before the others are loaded in order. The command line's
   * warm-up thread parses the prelude from the first file on, and the compile waits for it (a
   * quarter of a short run, cold): this thread takes the last file meanwhile, on the other core
   * (issue 22). A library file is parsed once per process and kept (SyntaxParser), so the loading
   * below finds both trees; without a warm-up thread only the order changes. Its diagnostics are
   * dropped here: a file with problems is not kept, and the loading parses it again and reports.
   */
  private static void parseLastFirst(Map<String, String> prelude, SyntaxParser parser) {
    if (prelude.size() < 2) {
      return;
    }
    Map.Entry<String, String> last = null;
    for (Map.Entry<String, String> e : prelude.entrySet()) {
      last = e;
    }
    parser.parse(new SourceFile(last.getKey(), last.getValue(), true), new Diagnostics());
  }

  private static CompiledModel.ParamSpec param(String name, CellSym c, NodeBuilder nb) {
    String text = c.expr == null ? "" : c.ctx.file().slice(c.expr.span()).strip();
    return new CompiledModel.ParamSpec(name, c.slot, c.type, text, ProgramBuilder.dist(c, nb));
  }

  private static List<CompiledModel.ReportSpec> reports(Checker ck, Registrar reg) {
    List<CompiledModel.ReportSpec> out = new ArrayList<>();
    for (Registrar.ReportDecl r : reg.reports) {
      Decl.Report decl = r.decl();
      CellSym cell = r.cell();
      SourceFile file = r.file();
      Type type = cell.type;
      if (type.isError()) {
        continue;
      }
      if (type.tag() == Type.Tag.INSTANCE) {
        ck.diags.error(Code.TOK302, decl.value().span(), "cannot report an instance (" + type.describe() + ")",
            "report one of its attributes, e.g. " + decl.label() + "."
                + type.instance().attrs().keySet().iterator().next());
        continue;
      }
      if (decl.as() == null) {
        Unit unit = type.isNumber() ? ck.display.readable(type) : null;
        out.add(new CompiledModel.ReportSpec(decl.label(), cell.slot, type, unit, unit == null ? "" : unit.name(), decl.span(),
            RollUps.labels(decl.value(), ck.timeline)));
        continue;
      }
      if (!type.isNumber()) {
        ck.diags.error(Code.TOK302, decl.as().span(), "only numbers have units; this report is " + type.describe(), null);
        continue;
      }
      Unit unit = ck.unitResolver.unit(decl.as(), ck.reporter(Ctx.top(file)));
      if (unit == null) {
        continue;
      }
      if (!unit.dim().equals(type.dim())) {
        String help = PrecedenceHint.help(ck, decl.value());
        help = help != null ? help : Messages.fix(type.dim(), unit.dim(), decl.label().contains(" ") ? "(…)" : decl.label());
        ck.diags.error(Code.TOK300, decl.as().span(), "cannot show " + decl.label() + " as " + decl.asText() + ": it is "
            + type.describe() + ", and " + decl.asText() + " is " + DimensionFormat.describe(unit.dim()), help);
        continue;
      }
      out.add(new CompiledModel.ReportSpec(decl.label(), cell.slot, type, new Unit(decl.asText(), unit.factor(), unit.dim()),
          decl.asText(), decl.span(), RollUps.labels(decl.value(), ck.timeline)));
    }
    return out;
  }
}
