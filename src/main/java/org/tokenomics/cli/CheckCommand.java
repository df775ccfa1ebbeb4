package org.tokenomics.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tok check FILE}: compile only and print the diagnostics. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Compile a file and print its diagnostics.",
    footerHeading = "%nExamples:%n",
    footer = {"  tok check model.tok",
        "  tok check model.tok --root ."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .tok file")
  Path file;

  @Option(names = "--root", paramLabel = "DIR", description = "folder imports must stay inside (default: the file's folder)")
  Path root;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Compilation c = Session.compile(file, root, err);
    if (c == null) {
      return 2;
    }
    for (Diagnostic d : c.diagnostics()) {
      out.println(d.render());
    }
    long errors = c.diagnostics().stream().filter(Diagnostic::isError).count();
    if (errors == 0) {
      out.println(file + ": ok");
      return 0;
    }
    out.println(errors + (errors == 1 ? " error" : " errors"));
    return 1;
  }
}
