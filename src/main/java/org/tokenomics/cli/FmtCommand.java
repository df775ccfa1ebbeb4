package org.tokenomics.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tokenomics.Diagnostic;
import org.tokenomics.Formatted;
import org.tokenomics.Tokenomics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tok fmt FILE [--write]}: the canonical layout, printed or written back. */
@Command(name = "fmt", mixinStandardHelpOptions = true, description = "Format a file: print the canonical layout, or rewrite the file with --write.",
    footerHeading = "%nExamples:%n",
    footer = {"  tok fmt model.tok",
        "  tok fmt model.tok --write"})
final class FmtCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "the .tok file")
  Path file;

  @Option(names = "--write", description = "rewrite the file in place (only if it changes)")
  boolean write;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("tok: no such file: " + file);
      return 2;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      err.println("tok: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    Formatted r = Tokenomics.format(file.toString(), text);
    if (!r.ok()) {
      for (Diagnostic d : r.diagnostics()) {
        err.println(d.render());
      }
      err.println(file + ": not formatted (syntax errors)");
      return 1;
    }
    if (!write) {
      out.print(r.text());
      out.flush();
      return 0;
    }
    if (!r.text().equals(text)) {
      try {
        Files.writeString(file, r.text(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("tok: cannot write " + file + ": " + e.getMessage());
        return 1;
      }
    }
    return 0;
  }
}
