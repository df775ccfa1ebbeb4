package org.tokenomics.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server and data files (LANGUAGE.md §12): TOK203 on the csv call, re-checks when a data file changes. */
class DataFilesServerTest {
  @TempDir
  Path dir;

  private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
  private final BlockingQueue<RegistrationParams> registered = new LinkedBlockingQueue<>();
  private LanguageServer server;
  private Thread serverThread;
  private PipedOutputStream toServer;

  @BeforeEach
  void start() throws Exception {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream fromServer = new PipedOutputStream(clientIn);
    serverThread = new Thread(() -> TokLanguageServer.serve(serverIn, fromServer), "tok-lsp");
    serverThread.setDaemon(true);
    serverThread.start();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), clientIn, toServer);
    launcher.startListening();
    server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "w")));
    server.initialize(init).get(10, TimeUnit.SECONDS);
    server.initialized(new org.eclipse.lsp4j.InitializedParams());
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown().get(10, TimeUnit.SECONDS);
    server.exit();
    serverThread.join(5_000);
    toServer.close();
  }

  private PublishDiagnosticsParams next() throws InterruptedException {
    PublishDiagnosticsParams p = published.poll(15, TimeUnit.SECONDS);
    assertNotNull(p, "no publishDiagnostics within 15 s");
    return p;
  }

  @Test
  void tok203IsShownOnTheCallAndClearedWhenTheDataFileIsFixed() throws Exception {
    RegistrationParams reg = registered.poll(10, TimeUnit.SECONDS);
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
    List<CompletionItem> items = server.getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, character)))
        .get(10, TimeUnit.SECONDS).getLeft();
    return items.stream().map(CompletionItem::getLabel).toList();
  }

  private final class Client implements LanguageClient {
    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams messageParams) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
      registered.add(params);
      return CompletableFuture.completedFuture(null);
    }
  }
}
