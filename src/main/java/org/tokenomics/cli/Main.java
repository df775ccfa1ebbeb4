package org.tokenomics.cli;

import java.io.PrintWriter;
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
        "  tok run --help      (every command has --help with examples)"},
    subcommands = {RunCommand.class, CheckCommand.class, ExplainCommand.class, FmtCommand.class, SweepCommand.class,
        SensitivityCommand.class, ChartCommand.class, LspCommand.class, TestCommand.class,
        org.tokenomics.serve.ServeCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
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
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
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
