package org.tokenomics.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server on a variant file (LANGUAGE.md §19): definitions into the base, diagnostics, re-checks. */
class AmendsLanguageServerTest {
  @TempDir
  Path dir;


  @Test
  void definitionsGoIntoTheBaseAndAChangedBaseIsCheckedAgain() throws Exception {
    Path base = dir.resolve("base.tok");
    Files.writeString(base, "timeline 2026 to 2030 yearly\nparam capex_per_gw = $50B/GW\nparam capacity = 1 GW\n"
        + "let capex = capex_per_gw * capacity\nreport capex as $B\n");
    Path variant = dir.resolve("bear.tok");
    String text = "amends \"base.tok\"\nparam capex_per_gw = $40B/GW\nreport double = 2 * capex as $B\n";
    Files.writeString(variant, text);
    try (LspSession lsp = new LspSession(dir)) {
      LanguageServer server = lsp.server();
      String uri = variant.toUri().toString();
      server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tok", 1, text)));
      assertEquals(List.of(), lsp.next().getDiagnostics());

      // `capex` is declared in the base; `capex_per_gw` is the variant's own redeclaration.
      List<? extends Location> capex = definition(server, uri, 2, 22);
      assertEquals(base.toUri().toString(), Path.of(java.net.URI.create(capex.get(0).getUri())).toUri().toString());
      assertEquals(new Range(new Position(3, 4), new Position(3, 9)), capex.get(0).getRange());
      List<? extends Location> param = definition(server, uri, 1, 8);
      assertEquals(uri, param.get(0).getUri());

      // The base changes on disk: the open variant is checked again and shows the base's error.
      Files.writeString(base, "timeline 2026 to 2030 yearly\nparam capex_per_gw = $50B/GW\n"
          + "let capex = capex_per_gw * capacty\nreport capex as $B\n");
      server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
          List.of(new FileEvent(base.toUri().toString(), FileChangeType.Changed))));
      List<org.eclipse.lsp4j.Diagnostic> again = lsp.next().getDiagnostics();
      List<String> codes = again.stream().map(d -> d.getCode().getLeft()).toList();
      assertTrue(codes.contains("TOK200"), codes.toString());
      assertTrue(again.get(0).getMessage().contains("base.tok"), again.get(0).getMessage());
    }
  }

  @Test
  void aDocumentInASubFolderReadsItsImportsAndBaseBesideIt() throws Exception {
    // As `tok run` does: a relative path is read from the folder of the file that names it, not
    // from the workspace folder the client opened.
    Path sub = Files.createDirectories(dir.resolve("campus"));
    Files.writeString(sub.resolve("base.tok"), "timeline 2026 to 2030 yearly\nparam capex_per_gw = $50B/GW\n"
        + "let capex = capex_per_gw * 1 GW\nreport capex as $B\n");
    Files.writeString(sub.resolve("rates.tok"), "param rate = 8 %\n");
    Path variant = sub.resolve("bear.tok");
    String text = "amends \"base.tok\"\nimport \"rates.tok\"\nparam capex_per_gw = $60B/GW\n"
        + "report cost = capex * rate / yr as $B/yr\n";
    Files.writeString(variant, text);
    try (LspSession lsp = new LspSession(dir)) {
      LanguageServer server = lsp.server();
      String uri = variant.toUri().toString();
      server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tok", 1, text)));
      assertEquals(List.of(), lsp.next().getDiagnostics());
      List<? extends Location> rate = definition(server, uri, 3, 24);
      assertEquals(sub.resolve("rates.tok").toUri().toString(),
          Path.of(java.net.URI.create(rate.get(0).getUri())).toUri().toString());
      // Confinement still holds: a path out of the workspace is refused.
      String escape = "import \"../../outside.tok\"\nreport x = 1\n";
      server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(
          sub.resolve("escape.tok").toUri().toString(), "tok", 1, escape)));
      List<String> codes = lsp.next().getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
      assertEquals(List.of("TOK202"), codes);
    }
  }

  private static List<? extends Location> definition(LanguageServer server, String uri, int line, int character)
      throws Exception {
    return server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri),
        new Position(line, character))).get(10, TimeUnit.SECONDS).getLeft();
  }
}
