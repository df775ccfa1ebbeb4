package org.tokenomics.lsp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server as an editor meets it, for tests: {@link TokLanguageServer#serve} on a
 * thread of its own behind JSON-RPC over pipes, a client that records what the server publishes
 * and asks to register, initialized (with a workspace folder or none) and shut down on close.
 */
final class LspSession implements AutoCloseable {
  private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
  private final BlockingQueue<RegistrationParams> registered = new LinkedBlockingQueue<>();
  private final LanguageServer server;
  private final Thread serverThread;
  private final PipedOutputStream toServer;
  private final InitializeResult init;

  /** Starts and initializes a server; {@code workspace} null for a client that opened no folder. */
  LspSession(Path workspace) throws Exception {
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
    InitializeParams params = new InitializeParams();
    if (workspace != null) {
      params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "w")));
    }
    init = server.initialize(params).get(10, TimeUnit.SECONDS);
    server.initialized(new org.eclipse.lsp4j.InitializedParams());
  }

  /** The server, as the client's proxy. */
  LanguageServer server() {
    return server;
  }

  /** What {@code initialize} answered. */
  InitializeResult initialized() {
    return init;
  }

  /** The next diagnostics the server publishes; fails after 15 s without any. */
  PublishDiagnosticsParams next() throws InterruptedException {
    PublishDiagnosticsParams p = published.poll(15, TimeUnit.SECONDS);
    assertNotNull(p, "no publishDiagnostics within 15 s");
    return p;
  }

  /** The next capability the server asks to register, or null after 10 s without any. */
  RegistrationParams nextRegistration() throws InterruptedException {
    return registered.poll(10, TimeUnit.SECONDS);
  }

  /** The labels completion offers at a zero-based position. */
  List<String> complete(String uri, int line, int character) throws Exception {
    List<CompletionItem> items = server.getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, character)))
        .get(10, TimeUnit.SECONDS).getLeft();
    return items.stream().map(CompletionItem::getLabel).toList();
  }

  @Override
  public void close() throws Exception {
    server.shutdown().get(10, TimeUnit.SECONDS);
    server.exit();
    serverThread.join(5_000);
    try {
      toServer.close();
    } catch (IOException ignored) {
      // the server has gone: nothing left to tell it
    }
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
