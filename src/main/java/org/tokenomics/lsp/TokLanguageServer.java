package org.tokenomics.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The Tok language server: diagnostics on open and change, hover, completion and go to
 * definition, over JSON-RPC (LSP 3.x) on any pair of streams.
 */
public final class TokLanguageServer implements LanguageServer, LanguageClientAware {
  private final TokTextDocuments documents = new TokTextDocuments();
  private final WorkspaceService workspace = new TokWorkspace(documents);
  private volatile LanguageClient client;
  private int exitCode = 1;
  private Runnable onExit = () -> { };

  /** Serves on the streams until the client exits or the input ends; returns the exit code LSP asks for. */
  public static int serve(InputStream in, OutputStream out) {
    TokLanguageServer server = new TokLanguageServer();
    Launcher<LanguageClient> launcher = new CappedLauncher().setLocalService(server).setRemoteInterface(LanguageClient.class)
        .setInput(in).setOutput(out).create();
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    server.onExit = () -> listening.cancel(true);
    try {
      listening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      // the stream closed, or exit cancelled the listener
    }
    return server.exitCode;
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
    documents.connect(client);
  }

  /** Asks the client to report changes of data files (csv, LANGUAGE.md §12), so open models are checked again. */
  @Override
  public void initialized(org.eclipse.lsp4j.InitializedParams params) {
    LanguageClient c = client;
    if (c == null) {
      return;
    }
    try {
      org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions watch = new org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions(
          List.of(new org.eclipse.lsp4j.FileSystemWatcher(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft("**/*.csv"))));
      c.registerCapability(new org.eclipse.lsp4j.RegistrationParams(List.of(new org.eclipse.lsp4j.Registration("tok-data-files",
          "workspace/didChangeWatchedFiles", watch))));
    } catch (RuntimeException e) {
      // a client that cannot register watchers still re-checks on save
    }
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    documents.workspace(workspace(params));
    ServerCapabilities caps = new ServerCapabilities();
    caps.setTextDocumentSync(TextDocumentSyncKind.Full);
    caps.setHoverProvider(true);
    caps.setDefinitionProvider(true);
    caps.setCompletionProvider(new CompletionOptions(false, List.of(".")));
    return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("tok", "0.1.0")));
  }

  /** The first workspace folder, else the root URI; null when the client opened none (or "/"). */
  @SuppressWarnings("deprecation") // rootUri: older clients send only that
  private static java.nio.file.Path workspace(InitializeParams params) {
    if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
      return Analysis.workspace(params.getWorkspaceFolders().get(0).getUri());
    }
    return Analysis.workspace(params.getRootUri());
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    exitCode = 0;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    onExit.run();
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  /** Workspace events: a changed file on disk may be imported or amended by an open document. */
  private static final class TokWorkspace implements WorkspaceService {
    private final TokTextDocuments documents;

    TokWorkspace(TokTextDocuments documents) {
      this.documents = documents;
    }

    @Override
    public void didChangeConfiguration(org.eclipse.lsp4j.DidChangeConfigurationParams params) {
    }

    @Override
    public void didChangeWatchedFiles(org.eclipse.lsp4j.DidChangeWatchedFilesParams params) {
      documents.refresh();
    }
  }
}
