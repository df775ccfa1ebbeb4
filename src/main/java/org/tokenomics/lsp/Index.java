package org.tokenomics.lsp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.syntax.SyntaxParser;
import org.tokenomics.syntax.TokFile;

/**
 * The names a document can see, from its AST and those of the prelude and its imports: top-level
 * values, functions, units, kinds and instances, each with where it is written. Works from the
 * last text that parsed, so it serves hover, completion and definition while the user types.
 */
final class Index {
  enum What { PARAM, LET, FN, UNIT, KIND, INSTANCE, ATTRIBUTE, SOLVE, SCENARIO, FN_PARAM }

  /** Where a declaration is written: a file the editor can open ({@code uri}), or a library file. */
  record Source(String label, URI uri, SourceFile file) {}

  /**
   * A declared name. {@code qualified} is the model's name for it ({@code x}, {@code inst.attr});
   * {@code kind} is the kind of an instance or the owner of an attribute; {@code member} the
   * attribute's declaration in its kind; {@code setting} the instance's assignment of it, if any.
   */
  record Symbol(String name, What what, String qualified, Span span, Source source, Decl decl, Decl.Kind kind,
                Decl.Member member, Decl.Assign setting) {}

  final Map<String, Symbol> globals = new LinkedHashMap<>();
  final Map<String, Decl.Kind> kinds = new LinkedHashMap<>();
  final Map<String, Source> kindSources = new LinkedHashMap<>();
  final Map<String, Decl.Instance> instances = new LinkedHashMap<>();
  final Map<String, Source> instanceSources = new LinkedHashMap<>();

  private final Set<String> loaded = new HashSet<>();
  /** The workspace folder imports must stay in (null: no file imports are read). */
  private Path root;

  /**
   * The index of a document (its last good AST) with the prelude and its imports; file imports
   * are read only inside {@code root}, by the same rule as the compiler's.
   */
  static Index of(TokFile doc, URI uri, Path folder, Path root) {
    Index ix = new Index();
    ix.root = root;
    for (String p : Library.PRELUDE) {
      TokFile f = Library.file(p);
      if (f != null) {
        ix.add(f, new Source(p, null, f.source()), null, 0);
      }
    }
    if (doc != null) {
      ix.add(doc, new Source(doc.source().name(), uri, doc.source()), folder, 0);
    }
    return ix;
  }

  private void add(TokFile file, Source source, Path folder, int depth) {
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Import imp && depth < 8) {
        addImport(imp.path(), folder, depth);
      }
    }
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Param p) {
        put(new Symbol(p.name(), What.PARAM, p.name(), p.nameSpan(), source, d, null, null, null));
      } else if (d instanceof Decl.Let l) {
        put(new Symbol(l.name(), What.LET, l.name(), l.nameSpan(), source, d, null, null, null));
      } else if (d instanceof Decl.Fn f) {
        put(new Symbol(f.name(), What.FN, f.name(), f.nameSpan(), source, d, null, null, null));
      } else if (d instanceof Decl.Unit u) {
        put(new Symbol(u.name(), What.UNIT, u.name(), u.nameSpan(), source, d, null, null, null));
      } else if (d instanceof Decl.Solve s) {
        put(new Symbol(s.name(), What.SOLVE, s.name(), s.nameSpan(), source, d, null, null, null));
      } else if (d instanceof Decl.Scenario s) {
        put(new Symbol(s.name(), What.SCENARIO, s.name(), s.nameSpan(), source, d, null, null, null));
      } else if (d instanceof Decl.Kind k) {
        kinds.put(k.name(), k);
        kindSources.put(k.name(), source);
      } else if (d instanceof Decl.Instance in) {
        instances.put(in.name(), in);
        instanceSources.put(in.name(), source);
        put(new Symbol(in.name(), What.INSTANCE, in.name(), in.nameSpan(), source, d, null, null, null));
      }
    }
    // The amended file after the file's own names: a param the variant declares again is found in
    // the variant, every other name in the base (LANGUAGE.md §19).
    for (Decl d : file.decls()) {
      if (d instanceof Decl.Amends a && depth < 8) {
        addImport(a.path(), folder, depth);
      }
    }
  }

  private void put(Symbol s) {
    globals.putIfAbsent(s.name(), s);
  }

  private void addImport(String path, Path folder, int depth) {
    if (!loaded.add(path)) {
      return;
    }
    if (path.startsWith("std:")) {
      TokFile f = Library.file(path);
      if (f != null) {
        add(f, new Source(path, null, f.source()), null, depth + 1);
      }
      return;
    }
    if (folder == null || root == null) {
      return;
    }
    try {
      Path target = folder.resolve(path).normalize();
      if (Path.of(path).isAbsolute() || !target.startsWith(root) || !target.toRealPath().startsWith(root.toRealPath())
          || !Files.isRegularFile(target) || !target.toRealPath().toString().endsWith(".tok")) {
        return; // the compiler reports it (TOK202); the index just lacks its names
      }
      String text = org.tokenomics.syntax.SourceReader.read(target, org.tokenomics.Limits.DEFAULT.maxSourceBytes());
      if (text == null) {
        return; // too large: the compiler reports TOK600
      }
      TokFile f = new SyntaxParser().parse(new SourceFile(target.toString(), text, false), new Diagnostics());
      if (f != null) {
        add(f, new Source(path, target.toUri(), f.source()), target.getParent(), depth + 1);
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable import is reported by the compiler; the index just lacks its names
    }
  }

  /** The kind of an instance, or null. */
  Decl.Kind kindOf(String instance) {
    Decl.Instance in = instances.get(instance);
    return in == null ? null : kinds.get(in.kind());
  }

  /** The attribute {@code attr} of instance {@code inst}: its setting in the block, else its kind's declaration. */
  Symbol attribute(String inst, String attr) {
    Decl.Instance in = instances.get(inst);
    Decl.Kind kind = in == null ? null : kinds.get(in.kind());
    if (kind == null) {
      return null;
    }
    Decl.Member member = member(kind, attr);
    if (member == null) {
      return null;
    }
    Decl.Assign setting = in.sets().stream().filter(a -> a.target().equals(attr)).findFirst().orElse(null);
    Span span = setting != null ? setting.targetSpan() : member.nameSpan();
    Source source = setting != null ? instanceSources.get(inst) : kindSources.get(kind.name());
    return new Symbol(attr, What.ATTRIBUTE, inst + "." + attr, span, source, in, kind, member, setting);
  }

  /** Follows {@code a.b.c} through attributes set to instances ({@code chip = H100}); the instance name or null. */
  String instanceAt(String path) {
    String[] parts = path.split("\\.");
    String inst = parts[0];
    for (int i = 1; i < parts.length && inst != null; i++) {
      Symbol attr = attribute(inst, parts[i]);
      inst = attr != null && attr.setting() != null && attr.setting().value() instanceof Expr.Name n
          && instances.containsKey(n.name()) ? n.name() : null;
    }
    return inst != null && instances.containsKey(inst) ? inst : null;
  }

  static Decl.Member member(Decl.Kind kind, String name) {
    return kind.members().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }
}
