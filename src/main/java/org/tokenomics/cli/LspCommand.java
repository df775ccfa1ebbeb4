package org.tokenomics.cli;

import java.util.concurrent.Callable;
import org.tokenomics.lsp.TokLanguageServer;
import picocli.CommandLine.Command;

/** {@code tok lsp}: the language server on stdin/stdout, for editors. */
@Command(name = "lsp", mixinStandardHelpOptions = true, description = "Run the Tok language server on stdin/stdout (for editors: VS Code, Eclipse, …).",
    footerHeading = "%nExamples:%n",
    footer = {"  tok lsp    (started by an editor; see dsl/editors/)"})
final class LspCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    // stdout carries JSON-RPC only: nothing else may print there.
    java.io.PrintStream protocol = System.out;
    System.setOut(System.err);
    return TokLanguageServer.serve(System.in, protocol);
  }
}
