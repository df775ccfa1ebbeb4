package org.tokenomics.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tokenomics.Limits;
import org.tokenomics.api.Toolchain;
import org.tokenomics.check.Compiler;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.syntax.SyntaxParser;
import org.tokenomics.syntax.TokFile;

/**
 * One version of an open document: its compilation (diagnostics, and the model when it checks),
 * its AST (or the last one that parsed) with the index of visible names, and, on demand, the
 * values of a base evaluation. Immutable apart from that lazily computed evaluation.
 */
final class Analysis {
  final String uri;
  final String name;
  final String text;
  /** The compile: diagnostics, and the checked model when there are no errors. */
  final Compiler.Result compilation;
  /** The AST of {@code text}, or of the last version that parsed (then {@link #stale} is true). */
  final TokFile ast;
  final boolean stale;
  final Index index;
  /** The checked model, or null when the document has errors. */
  final CompiledModel model;
  private Frame frame;
  private boolean evaluated;

  private Analysis(String uri, String name, String text, Compiler.Result compilation, TokFile ast, boolean stale, Index index) {
    this.uri = uri;
    this.name = name;
    this.text = text;
    this.compilation = compilation;
    this.ast = ast;
    this.stale = stale;
    this.index = index;
    this.model = compilation.diagnostics().stream().anyMatch(Diagnostic::isError) ? null : compilation.model();
  }

  /** The prelude, std modules and plugins, found once per server. */
  private static final Toolchain TOOLS = Toolchain.discovered();

  /**
   * Analyses one version of a document. {@code workspace} is the folder the client opened (never
   * the file system's root): imports are read only inside it, and only for a document inside it,
   * so a client cannot pick the import root by naming a document {@code file:///etc/x.tok}.
   */
  static Analysis of(String uri, String text, Analysis previous, Path workspace) {
    Path file = path(uri);
    String name = file != null ? file.toString() : uri;
    Path folder = file != null ? file.toAbsolutePath().normalize().getParent() : null;
    Path root = workspace != null && folder != null && folder.startsWith(workspace) ? workspace : null;
    // The checked model behind the compile is needed (hover values, definitions), so the server
    // compiles through the internal Toolchain, with the public Limits and the plugins discovered.
    Limits l = Limits.DEFAULT;
    // The document's own path, when inside the workspace, is where its relative imports, `amends`
    // and data files are read from, as `tok run` reads them (the text is the editor's, not the disk's).
    Path location = root != null ? file.toAbsolutePath().normalize() : null;
    Compiler.Result c = TOOLS.compile(new SourceFile(name, text, false), location, new Compiler.Options(root,
        l.maxSourceBytes(), l.maxNesting(), l.maxNodes(), l.maxPeriods(), l.maxNames()));
    // The syntax tree for hover and completion only for text within the size limit (the
    // compilation already says TOK600 for the rest).
    TokFile ast = text.length() > l.maxSourceBytes() ? null
        : new SyntaxParser().parse(new SourceFile(name, text, false), new Diagnostics());
    boolean stale = false;
    if (ast == null && previous != null && previous.ast != null) {
      ast = previous.ast;
      stale = true;
    }
    URI u = file != null ? file.toUri() : null;
    return new Analysis(uri, name, text, c, ast, stale, Index.of(ast, u, folder, root));
  }

  /** The workspace folder behind a client's URI, or null for none, a non-file URI or the file system's root. */
  static Path workspace(String uri) {
    Path p = uri == null ? null : path(uri);
    if (p == null || !p.isAbsolute()) {
      return null;
    }
    p = p.normalize();
    return p.getParent() == null ? null : p;
  }

  /** The file behind a {@code file:} URI, or null. */
  static Path path(String uri) {
    try {
      URI u = URI.create(uri);
      return "file".equals(u.getScheme()) ? Path.of(u) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The diagnostics for the editor; those of other files are shown at the top of this one. */
  List<org.eclipse.lsp4j.Diagnostic> diagnostics() {
    List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
    // A diagnostic about a file that is not Tok never quotes its content (safety.md).
    for (Diagnostic d : org.tokenomics.api.Sources.withoutForeignText(compilation.diagnostics(), name)) {
      boolean here = d.file() == null || d.file().equals(name);
      org.eclipse.lsp4j.Diagnostic lsp = Positions.diagnostic(d, here);
      if (!here && "TOK203".equals(d.code())) {
        Path file = path(uri);
        DataDiagnostics.place(lsp, d, text, file == null ? null : file.toAbsolutePath().normalize().getParent());
      }
      out.add(lsp);
    }
    return out;
  }

  /** The declared name under the cursor, or null (a unit, a built-in, a number, nothing). */
  Index.Symbol resolve(Positions.Word w, int offset) {
    if (w == null || w.text().isEmpty()) {
      return null;
    }
    if (w.qualifier() != null) {
      String inst = index.instanceAt(w.qualifier());
      return inst == null ? null : index.attribute(inst, w.text());
    }
    Decl enclosing = enclosing(offset);
    if (enclosing instanceof Decl.Instance in && !within(in.nameSpan(), offset) && !within(in.kindSpan(), offset)) {
      Index.Symbol attr = index.attribute(in.name(), w.text());
      if (attr != null) {
        return attr;
      }
    } else if (enclosing instanceof Decl.Kind k) {
      Decl.Member m = Index.member(k, w.text());
      if (m != null) {
        return new Index.Symbol(m.name(), Index.What.ATTRIBUTE, null, m.nameSpan(), own(), k, k, m, null);
      }
    } else if (enclosing instanceof Decl.Fn f) {
      for (Decl.FnParam p : f.params()) {
        if (p.name().equals(w.text())) {
          return new Index.Symbol(p.name(), Index.What.FN_PARAM, null, p.span(), own(), f, null, null, null);
        }
      }
    }
    Index.Symbol g = index.globals.get(w.text());
    if (g != null) {
      return g;
    }
    Decl.Kind k = index.kinds.get(w.text());
    if (k != null) {
      return new Index.Symbol(k.name(), Index.What.KIND, k.name(), k.nameSpan(), index.kindSources.get(k.name()), k, k,
          null, null);
    }
    return null;
  }

  /** The top-level declaration of this document around an offset (none while the AST is stale). */
  Decl enclosing(int offset) {
    if (ast == null || stale) {
      return null;
    }
    for (Decl d : ast.decls()) {
      if (d.span().start() <= offset && offset <= d.span().end()) {
        return d;
      }
    }
    return null;
  }

  private Index.Source own() {
    return new Index.Source(name, path(uri) != null ? path(uri).toUri() : null, ast.source());
  }

  static boolean within(Span s, int offset) {
    return s != null && s.start() <= offset && offset <= s.end();
  }

  /** A checked value's cell, by its model name ({@code x}, {@code inst.attr}), or null. */
  CellSym cell(String qualified) {
    return model == null || qualified == null ? null : model.valuesByName().get(qualified);
  }

  /** The values of a cell in a base evaluation (base units); throws EvalError when it does not evaluate. */
  synchronized double[] values(CellSym cell) {
    if (!evaluated) {
      evaluated = true;
      frame = Runner.run(model, model.program(), "base").frame();
    }
    if (frame == null) {
      throw new EvalError(org.tokenomics.diag.Code.TOK500, Span.NONE, "the model does not evaluate");
    }
    return frame.values(cell.slot());
  }
}
