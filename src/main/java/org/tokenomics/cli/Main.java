package org.tokenomics.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tok} command. Exit codes: 0 success; 1 compile errors, evaluation errors or failed
 * assertions; 2 bad usage. Never prints a Java stack trace: an internal error becomes one line.
 */
@Command(name = "tok", mixinStandardHelpOptions = true, version = "tok 0.1.0",
    description = "Tok: a unit-checked language for the economics of AI compute.",
    footerHeading = "%nExamples:%n",
    footer = {"  tok run samples/gigawatt/two_dark_years.tok", "  tok check model.tok",
        "  tok run --help      (every command has --help with examples)"})
public final class Main implements java.util.concurrent.Callable<Integer> {
  /**
   * The subcommands, in the order {@code tok --help} lists them. Picocli reads a command's
   * annotations by reflection when it is added, a tenth of a second for all of them on a cold JVM,
   * so a command line that names one gets that one alone (see {@link #commandLine}).
   */
  private static final List<String> COMMANDS =
      List.of("run", "check", "explain", "fmt", "sweep", "sensitivity", "chart", "lsp", "test", "serve");

  /**
   * A new command object by name, or null. A switch rather than a map of constructor references:
   * each reference is an invokedynamic call site linked when the class initializes, ten of them
   * a few milliseconds of every start-up.
   */
  private static Object command(String name) {
    return switch (name) {
      case "run" -> new RunCommand();
      case "check" -> new CheckCommand();
      case "explain" -> new ExplainCommand();
      case "fmt" -> new FmtCommand();
      case "sweep" -> new SweepCommand();
      case "sensitivity" -> new SensitivityCommand();
      case "chart" -> new ChartCommand();
      case "lsp" -> new LspCommand();
      case "test" -> new TestCommand();
      case "serve" -> new org.tokenomics.serve.ServeCommand();
      default -> null;
    };
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** {@code tok} alone is a usage error: the usage goes to stderr, exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    org.tokenomics.diag.StartupTrace.mark("launcher to main");
    if (args.length > 0 && COMPILES.contains(args[0])) {
      // The prelude's parse (a cold parser: a fifth of a short run) overlaps the command's set-up.
      // An anonymous class, not a method reference: the first invokedynamic call site of the
      // process sets up java.lang.invoke (milliseconds), which would hold back this thread's start.
      Thread warm = new Thread(new Runnable() {
        @Override
        public void run() {
          warmUp();
        }
      }, "tok-warm-up");
      warm.setDaemon(true);
      warm.start();
    }
    int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    org.tokenomics.diag.StartupTrace.mark("exit");
    System.exit(code);
  }

  /** The commands that compile a model first. */
  private static final java.util.Set<String> COMPILES =
      java.util.Set.of("run", "check", "explain", "sweep", "sensitivity", "chart", "test");

  private static void warmUp() {
    try {
      org.tokenomics.Tokenomics.warmUp();
      org.tokenomics.diag.StartupTrace.mark("prelude parsed (warm-up thread)");
      // The process's first String.format sets up the formatter and the digit conversion, a few
      // ms on a cold JVM; the reports' numbers need them at the very end, after the compile this
      // thread is not needed for. Locale.US as text.Fmt formats (it needs no locale data).
      String.format(java.util.Locale.US, "%,.2f %.4g %.3e", 1234.5, 0.5, 1e9);
      org.tokenomics.diag.StartupTrace.mark("number formats ready (warm-up thread)");
    } catch (RuntimeException | Error e) {
      // only time is lost: the compile parses the prelude itself and reports what it finds
    }
  }

  /**
   * The command line for these arguments: every subcommand, or only the one they start with (its
   * usage, options and errors are the same either way, as nothing else sees its siblings).
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    Object named = args.length > 0 ? command(args[0]) : null;
    if (named != null) {
      cli.addSubcommand(named);
    } else {
      for (String name : COMMANDS) {
        cli.addSubcommand(command(name));
      }
    }
    return cli;
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    RunCommand run = RunArgs.parse(args); // plain `tok run` arguments: no picocli (RunArgs says why)
    if (run != null) {
      org.tokenomics.diag.StartupTrace.mark("arguments");
      try {
        return run.execute(out, err);
      } catch (Throwable t) { // what picocli's execution exception handler and the catch below do
        internalError(err, t);
        return 1;
      } finally {
        out.flush();
        err.flush();
      }
    }
    return picocli(args, out, err);
  }

  /** Runs the command line through picocli (every command, help, usage errors); returns the exit code. */
  static int picocli(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(args);
    org.tokenomics.diag.StartupTrace.mark("picocli");
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      internalError(err, e);
      return 1;
    });
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("tok: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try 'tok " + (ex.getCommandLine().getCommandName().equals("tok") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
      return 2;
    });
    try {
      return cli.execute(args);
    } catch (Throwable t) {
      internalError(err, t);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  static void internalError(PrintWriter err, Throwable t) {
    if (t instanceof StackOverflowError) {
      err.println("tok: error[TOK600]: the input nests too deeply to process");
      return;
    }
    if (t instanceof OutOfMemoryError) {
      err.println("tok: error[TOK600]: the model needs more memory than this JVM has (try fewer samples or periods)");
      return;
    }
    err.println("tok: internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
        + " — this is a bug in tok; please report it with the input that caused it");
    if (System.getenv("TOK_DEBUG") != null) {
      t.printStackTrace(err);
    }
  }
}
