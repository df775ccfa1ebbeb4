package org.tokenomics.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server and data files (LANGUAGE.md §12): TOK203 on the csv call, re-checks when a data file changes. */
class DataFilesServerTest {
  @TempDir
  Path dir;

  private LspSession lsp;
  private LanguageServer server;

  @BeforeEach
  void start() throws Exception {
    lsp = new LspSession(dir);
    server = lsp.server();
  }

  @AfterEach
  void stop() throws Exception {
    lsp.close();
  }

  private PublishDiagnosticsParams next() throws InterruptedException {
    return lsp.next();
  }

  @Test
  void tok203IsShownOnTheCallAndClearedWhenTheDataFileIsFixed() throws Exception {
    RegistrationParams reg = lsp.nextRegistration();
    assertNotNull(reg, "the server asks to watch data files");
    assertEquals("workspace/didChangeWatchedFiles", reg.getRegistrations().get(0).getMethod());

    Path csv = dir.resolve("data").resolve("rents.csv");
    Files.createDirectories(csv.getParent());
    Files.writeString(csv, "date,h100\n2026-01,2.40\n2026-02,n/a\n");
    Path model = dir.resolve("data").resolve("m.tok");
    String text = "timeline 2026-01 to 2026-03 monthly\nlet rent = csv(\"rents.csv\", column: \"h100\") * 1 $/GPU/h\nreport rent as $/GPU/h\n";
    Files.writeString(model, text);
    String uri = model.toUri().toString();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tok", 1, text)));
    List<Diagnostic> ds = next().getDiagnostics();
    assertEquals(1, ds.size(), ds.toString());
    Diagnostic d = ds.get(0);
    assertEquals("TOK203", d.getCode().getLeft());
    assertEquals(1, d.getRange().getStart().getLine(), "on the csv call's line");
    assertEquals(11, d.getRange().getStart().getCharacter());
    assertTrue(d.getMessage().contains("rents.csv:3:") && d.getMessage().contains("'n/a' is not a number"), d.getMessage());
    assertEquals(2, d.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
    assertTrue(d.getRelatedInformation().get(0).getLocation().getUri().endsWith("data/rents.csv"), d.toString());

    Files.writeString(csv, "date,h100\n2026-01,2.40\n2026-02,2.30\n");
    server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
        List.of(new FileEvent(csv.toUri().toString(), FileChangeType.Changed))));
    assertTrue(next().getDiagnostics().isEmpty(), "checked again after the data file changed");
  }

  @Test
  void completionOffersWordsAndLabelsAndHoverDocumentsTheFunctions() throws Exception {
    String text = "timeline 2026 to 2028 yearly\nlet rent = curve([2026: 2 $/GPU/h, 2028: 1 $/GPU/h], interpolate: l)\n";
    Path model = dir.resolve("c.tok");
    Files.writeString(model, text);
    String uri = model.toUri().toString();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tok", 1, text)));
    next();
    List<String> words = complete(uri, 1, 67);
    assertEquals(List.of("linear", "log"), words);
    List<String> labels = complete(uri, 1, 17);
    assertTrue(labels.contains("interpolate:") && labels.contains("points:"), labels.toString());
    String hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 13)))
        .get(10, TimeUnit.SECONDS).getContents().getRight().getValue();
    assertTrue(hover.contains("curve(") && hover.contains("period's start"), hover);
  }

  private List<String> complete(String uri, int line, int character) throws Exception {
    return lsp.complete(uri, line, character);
  }
}
