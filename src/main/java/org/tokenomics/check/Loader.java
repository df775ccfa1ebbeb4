package org.tokenomics.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.SourceReader;
import org.tokenomics.syntax.Span;
import org.tokenomics.syntax.SyntaxParser;
import org.tokenomics.syntax.TokFile;

/**
 * Finds and parses the files of one compilation: the prelude, then each import before the file
 * that imports it, the main file last. Relative imports must stay inside the root folder
 * (LANGUAGE.md §8); {@code std:NAME} comes from the library or a plugin. A file's {@code amends
 * "PATH"} (§19, its first declaration only) is resolved and loaded like an import, and the loader
 * remembers which file each variant amends ({@link #amended()}). Files are read through the
 * size-limited {@link SourceReader}, and only {@code .tok} files are read at all.
 */
public final class Loader {
  private final Diagnostics diags;
  private final SyntaxParser parser;
  private final Function<String, String> modules;
  private final Path root;
  private final long maxSourceBytes;
  private final Map<String, TokFile> loaded = new LinkedHashMap<>();
  private final List<TokFile> order = new ArrayList<>();
  private final Set<String> loading = new HashSet<>();
  private final List<String> loadingStack = new ArrayList<>();
  /** Variant → the file it amends (identity: a parsed file is one object). */
  private final Map<SourceFile, SourceFile> amended = new IdentityHashMap<>();
  /** Where each file read from disk lives, by the name its spans carry (csv paths resolve against it). */
  private final Map<String, Path> locations = new LinkedHashMap<>();

  /**
   * @param modules  {@code "std:chips"} → its source, or null when there is no such module
   * @param root     the folder relative imports must stay in (null: no file imports allowed)
   */
  public Loader(Diagnostics diags, SyntaxParser parser, Function<String, String> modules, Path root, long maxSourceBytes) {
    this.diags = diags;
    this.parser = parser;
    this.modules = modules;
    this.root = root == null ? null : root.toAbsolutePath().normalize();
    this.maxSourceBytes = maxSourceBytes;
  }

  /** Parses a library file (prelude or module) and its imports. */
  public void library(String name, String text) {
    load(name, new SourceFile(name, text, true), null);
  }

  /** Parses the main file and its imports; returns the main file (null after syntax errors). */
  public TokFile main(SourceFile source, Path location) {
    return load(location == null ? source.name() : key(location), source, location);
  }

  /** Each variant file's source → the source of the file it amends (LANGUAGE.md §19). */
  public Map<SourceFile, SourceFile> amended() {
    return java.util.Collections.unmodifiableMap(amended);
  }

  /** Every parsed file, dependencies first. */
  public List<TokFile> files() {
    return List.copyOf(order);
  }

  private TokFile load(String key, SourceFile source, Path location) {
    if (!source.isLibrary() && source.text().length() > maxSourceBytes) {
      diags.addSource(source);
      diags.error(Code.TOK600, new Span(source.name(), 1, 1, 1, 2, 0, 1), source.name() + " is larger than the limit of "
          + maxSourceBytes + " characters (limit: max source size " + maxSourceBytes + ")", "split the model into files joined by import");
      return null;
    }
    if (location != null) {
      locations.put(source.name(), location);
    }
    loading.add(key);
    loadingStack.add(key);
    try {
      TokFile file = parser.parse(source, diags);
      loaded.put(key, file);
      if (file == null) {
        return null;
      }
      SourceFile parsed = file.source(); // a library file parsed before is that earlier object (SyntaxParser)
      boolean first = true;
      for (Decl d : file.decls()) {
        if (d instanceof Decl.Amends a) {
          amends(a, first, parsed, location);
        } else if (d instanceof Decl.Import imp) {
          importFile(imp.path(), imp.span(), false, parsed, location);
        }
        first = false;
      }
      order.add(file);
      return file;
    } finally {
      loading.remove(key);
      loadingStack.remove(loadingStack.size() - 1);
    }
  }

  /** {@code amends "PATH"}: only as a file's first declaration; loaded like an import. */
  private void amends(Decl.Amends a, boolean first, SourceFile from, Path fromLocation) {
    if (!first) {
      diags.error(Code.TOK100, a.span(), Messages.amendsNotFirst(), Messages.amendsNotFirstHelp());
      return;
    }
    TokFile base = importFile(a.path(), a.span(), true, from, fromLocation);
    if (base != null) {
      amended.put(from, base.source());
    }
  }

  /** Loads an imported or amended file; returns it (null when it cannot be loaded). */
  private TokFile importFile(String path, Span span, boolean amends, SourceFile from, Path fromLocation) {
    if (path.contains(":") && !path.matches("^[A-Za-z]:[\\\\/].*")) {
      String text = modules.apply(path);
      if (text == null) {
        diags.error(Code.TOK202, span, "no module '" + path + "'", "the library ships std:chips; plugins add more");
        return null;
      }
      if (loading.contains(path)) {
        cycle(span, amends, path);
        return null;
      }
      return loaded.containsKey(path) ? loaded.get(path) : load(path, new SourceFile(path, text, true), null);
    }
    Path target = resolve(path, span, fromLocation, amends ? "amended file" : "import");
    if (target == null) {
      return null;
    }
    String key = key(target);
    if (loading.contains(key)) {
      cycle(span, amends, key);
      return null;
    }
    if (loaded.containsKey(key)) {
      return loaded.get(key);
    }
    String display = displayName(target);
    String text;
    try {
      text = SourceReader.read(target, maxSourceBytes);
    } catch (IOException | RuntimeException e) {
      diags.error(Code.TOK202, span, "cannot read '" + path + "'", "a Tok file is UTF-8 text");
      return null;
    }
    if (text == null) {
      diags.error(Code.TOK600, span, org.tokenomics.diag.SafetyMessages.sourceTooLarge(display, maxSourceBytes),
          "split the model into files joined by import");
      return null;
    }
    return load(key, new SourceFile(display, text, from.isLibrary()), target);
  }

  private void cycle(Span at, boolean amends, String key) {
    List<String> path = new ArrayList<>(loadingStack.subList(loadingStack.indexOf(key), loadingStack.size()));
    path.add(key);
    List<String> names = path.stream().map(p -> Path.of(p).getFileName() == null ? p : Path.of(p).getFileName().toString()).toList();
    diags.error(Code.TOK400, at, (amends ? "amends cycle: " : "import cycle: ") + String.join(" -> ", names),
        amends ? "a variant amends its base; the base must not import or amend the variant" : "move the shared names into a third file");
  }


  /**
   * The file a data call ({@code csv("rents.csv", …)}) names, by the rules of an import: relative
   * to the file the call is written in (for a model compiled from a string, the root), inside the
   * root; null after reporting TOK202.
   */
  Path resolveData(String path, Span at) {
    Path from = locations.get(at.file());
    if (from == null && root != null) {
      // A main file given as text under its own absolute path (the language server): its folder, if inside the root.
      try {
        Path named = Path.of(at.file());
        from = named.isAbsolute() && named.normalize().startsWith(root) ? named.normalize() : null;
      } catch (RuntimeException e) {
        from = null;
      }
    }
    return resolve(path, at, from, "data file");
  }

  /** The name diagnostics show for a file read from disk. */
  String shownName(Path target) {
    return displayName(target);
  }

  /** Resolves {@code path} written at {@code at} ({@code what}: "import" or "data file"); null after TOK202. */
  private Path resolve(String path, Span at, Path fromLocation, String what) {
    boolean imports = !what.equals("data file");
    if (root == null || fromLocation == null && root == null) {
      diags.error(Code.TOK202, at, "'" + path + "' cannot be " + (imports ? "imported" : "read") + " here: no root folder was given", null);
      return null;
    }
    Path raw;
    try {
      raw = Path.of(path);
    } catch (RuntimeException e) {
      diags.error(Code.TOK202, at, "'" + path + "' is not a valid path", null);
      return null;
    }
    if (raw.isAbsolute() || path.startsWith("/") || path.startsWith("\\")) {
      diags.error(Code.TOK202, at, "absolute " + what + " '" + path + "' is not allowed",
          (imports ? "import files by a path relative to the importing file" : "name data files by a path relative to the model")
              + ", inside the root folder " + shown(root));
      return null;
    }
    Path base = fromLocation == null ? root : fromLocation.toAbsolutePath().getParent();
    Path target = base.resolve(raw).normalize();
    if (!target.startsWith(root)) {
      diags.error(Code.TOK202, at, what + " '" + path + "' leaves the root folder " + shown(root),
          (imports ? "imports" : "data files") + " must stay inside the root (see --root)");
      return null;
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.exists(target)) {
      diags.error(Code.TOK202, at, what + " '" + path + "' not found", "looked for " + shown(target));
      return null;
    }
    try {
      Path real = target.toRealPath();
      Path realRoot = root.toRealPath();
      if (!real.startsWith(realRoot)) {
        diags.error(Code.TOK202, at, what + " '" + path + "' links out of the root folder " + shown(root), null);
        return null;
      }
      if (!Files.isRegularFile(real)) {
        diags.error(Code.TOK202, at, what + " '" + path + "' is not a file", null);
        return null;
      }
      if (imports && (real.getFileName() == null || !real.getFileName().toString().endsWith(".tok"))) {
        // Never read a file that is not Tok source: its lines would reach the diagnostics.
        diags.error(Code.TOK202, at, org.tokenomics.diag.SafetyMessages.notTok(path),
            org.tokenomics.diag.SafetyMessages.notTokHelp());
        return null;
      }
      return real;
    } catch (IOException e) {
      diags.error(Code.TOK202, at, what + " '" + path + "' not found", null);
      return null;
    }
  }

  private static String key(Path p) {
    try {
      return p.toRealPath().toString();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize().toString();
    }
  }

  /** A path as the user sees it: relative to the working folder when inside it. */
  private static String shown(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    if (p.equals(cwd)) {
      return ".";
    }
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }

  private String displayName(Path target) {
    Path cwd = Path.of("").toAbsolutePath();
    return target.startsWith(cwd) ? cwd.relativize(target).toString() : target.toString();
  }
}
