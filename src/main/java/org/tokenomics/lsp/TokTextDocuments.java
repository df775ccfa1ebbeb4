package org.tokenomics.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Open documents, each re-analysed on every change (full sync), and the requests about them. */
final class TokTextDocuments implements TextDocumentService {
  private final Map<String, Analysis> docs = new ConcurrentHashMap<>();
  private volatile LanguageClient client;
  /** The folder the client opened; null until initialize names one (then no file imports are read). */
  private volatile java.nio.file.Path workspace;

  void connect(LanguageClient c) {
    this.client = c;
  }

  void workspace(java.nio.file.Path folder) {
    this.workspace = folder;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    update(params.getTextDocument().getUri(), params.getTextDocument().getText());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
    if (!changes.isEmpty()) {
      // Full sync: the last event holds the whole text.
      update(params.getTextDocument().getUri(), changes.get(changes.size() - 1).getText());
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    docs.remove(uri);
    if (client != null) {
      client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // The saved file may be imported or amended by other open documents (a variant and its base).
    refresh();
  }

  /**
   * Analyses every open document again: a file they import, amend or read
   * data from may have changed on disk.
   * Cheap enough to do whole: an analysis is one compile, and an editor has a few documents open.
   */
  void refresh() {
    for (Analysis a : List.copyOf(docs.values())) {
      if (docs.get(a.uri) == a) {
        update(a.uri, a.text);
      }
    }
  }

  private synchronized void update(String uri, String text) {
    Analysis a;
    try {
      a = Analysis.of(uri, text, docs.get(uri), workspace);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return; // never take the server down; the next change tries again
    }
    docs.put(uri, a);
    if (client != null) {
      client.publishDiagnostics(new PublishDiagnosticsParams(uri, a.diagnostics()));
    }
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    Analysis a = docs.get(params.getTextDocument().getUri());
    if (a == null) {
      return CompletableFuture.completedFuture(null);
    }
    int offset = Positions.offset(a.text, params.getPosition());
    String text = safely(() -> Hovers.hover(a, Positions.wordAt(a.text, offset), offset));
    return CompletableFuture.completedFuture(text == null ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, text)));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    Analysis a = docs.get(params.getTextDocument().getUri());
    List<CompletionItem> items = a == null ? List.of()
        : safely(() -> Completions.at(a, Positions.offset(a.text, params.getPosition())));
    return CompletableFuture.completedFuture(Either.forLeft(items == null ? List.of() : items));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    Analysis a = docs.get(params.getTextDocument().getUri());
    List<Location> out = a == null ? null : safely(() -> {
      int offset = Positions.offset(a.text, params.getPosition());
      Positions.Word w = Positions.wordAt(a.text, offset);
      Members.Member member = Members.at(a, w);
      // NAME[KEY], on the name or the key: the family's declaration
      Index.Symbol s = member != null ? a.index.globals.get(member.family().name()) : a.resolve(w, offset);
      if (s == null || s.source() == null || s.source().uri() == null || s.span() == null) {
        return List.of();
      }
      String uri = s.source().file().name().equals(a.name) ? a.uri : s.source().uri().toString();
      return List.of(new Location(uri, Positions.range(s.span())));
    });
    return CompletableFuture.completedFuture(Either.forLeft(out == null ? List.of() : out));
  }

  /** A request that fails answers "nothing" rather than an error the editor shows as a popup. */
  private static <T> T safely(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return null;
    }
  }
}
