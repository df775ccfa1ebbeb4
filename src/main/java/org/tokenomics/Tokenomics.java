package org.tokenomics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tokenomics.check.Compiler;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Diagnostics;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;

/**
 * The entry point: a compiler with the prelude, the std modules and any plugins. Thread-safe;
 * compile as many sources as you like.
 *
 * <pre>{@code
 * Tokenomics tok = Tokenomics.standard();
 * Model m = tok.compile(Path.of("samples/gigawatt/payback.tok")).model();
 * double npv = m.evaluate().value("npv").in("$B");
 * }</pre>
 */
public final class Tokenomics {
  /** The prelude files, in load order (they ship in the jar under org/tokenomics/dsl/prelude). */
  static final List<String> PRELUDE = List.of("kinds.tok", "contracts.tok");

  private final Limits limits;
  private final Path root;
  private final Map<String, String> prelude;
  private final Function<String, String> modules;

  private Tokenomics(Limits limits, Path root, Map<String, String> prelude, Function<String, String> modules) {
    this.limits = limits;
    this.root = root;
    this.prelude = prelude;
    this.modules = modules;
  }

  /** The prelude, std modules and plugins found by ServiceLoader, with default limits. */
  public static Tokenomics standard() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Compiles a file; relative imports must stay inside its folder (or the builder's root). */
  public Compilation compile(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      Diagnostics d = new Diagnostics();
      d.error(Code.TOK202, Span.NONE, "cannot read " + name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return new Compilation(name, d.all(), null);
    }
    Path r = root != null ? root : file.toAbsolutePath().getParent();
    return compile(new SourceFile(name, text, false), file, r);
  }

  /** Compiles source text; relative imports resolve against the builder's root or the working folder. */
  public Compilation compile(String name, String source) {
    Path r = root != null ? root : Path.of("").toAbsolutePath();
    return compile(new SourceFile(name, source, false), null, r);
  }

  private Compilation compile(SourceFile source, Path location, Path importRoot) {
    Compiler.Options options = new Compiler.Options(importRoot, limits.maxSourceBytes(), limits.maxNesting(),
        limits.maxNodes(), limits.maxPeriods(), limits.maxNames());
    Compiler.Result r = Compiler.compile(source, location, options, prelude, modules);
    return new Compilation(source.name(), r.diagnostics(), r.model());
  }

  public Limits limits() {
    return limits;
  }

  /** Configures a {@link Tokenomics}. */
  public static final class Builder {
    private Limits limits = Limits.DEFAULT;
    private Path root;

    /** Limits for hostile input (TOK600 when exceeded). */
    public Builder limits(Limits l) {
      this.limits = l;
      return this;
    }

    /** The folder relative imports must stay inside (default: the main file's folder). */
    public Builder root(Path r) {
      this.root = r;
      return this;
    }

    public Tokenomics build() {
      Map<String, String> prelude = new LinkedHashMap<>();
      for (String f : PRELUDE) {
        prelude.put("prelude:" + f, resource("prelude/" + f));
      }
      Function<String, String> modules = name -> {
        if (name.startsWith("std:") && name.substring(4).matches("[A-Za-z0-9_]+")) {
          return optionalResource("std/" + name.substring(4) + ".tok");
        }
        return null;
      };
      return new Tokenomics(limits, root == null ? null : root.toAbsolutePath().normalize(), prelude, modules);
    }
  }

  static String resource(String path) {
    String text = optionalResource(path);
    if (text == null) {
      throw new IllegalStateException("the Tok library is missing " + path);
    }
    return text;
  }

  static String optionalResource(String path) {
    try (InputStream in = Tokenomics.class.getResourceAsStream("/org/tokenomics/dsl/" + path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
