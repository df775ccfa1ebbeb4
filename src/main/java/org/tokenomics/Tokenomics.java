package org.tokenomics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tokenomics.api.PluginDiscovery;
import org.tokenomics.api.Plugins;
import org.tokenomics.api.Toolchain;
import org.tokenomics.check.Compiler;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.spi.TokFunction;
import org.tokenomics.spi.TokModule;
import org.tokenomics.spi.TokReporter;
import org.tokenomics.spi.TokUnits;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;

/**
 * The entry point: a compiler with the prelude, the std modules and any plugins. Thread-safe;
 * compile as many sources as you like.
 *
 * <pre>{@code
 * Tokenomics tok = Tokenomics.standard();
 * Model m = tok.compile(Path.of("samples/embedding/payback.tok")).model();
 * double npv = m.evaluate().value("npv").in("$B");
 * }</pre>
 */
public final class Tokenomics {
  private final Limits limits;
  private final Path root;
  private final Toolchain toolchain;

  private Tokenomics(Limits limits, Path root, Toolchain toolchain) {
    this.limits = limits;
    this.root = root;
    this.toolchain = toolchain;
  }

  /**
   * The prelude, the std modules and the plugins found by {@link java.util.ServiceLoader} (and,
   * inside OSGi or Eclipse, as services or extensions), with default limits.
   *
   * @return the prelude, the std modules and the plugins found by {@link java.util.ServiceLoader} (and, inside OSGi or Eclipse, as services or extensions), with default limits
   * @throws IllegalArgumentException when two plugins provide the same function or format
   */
  public static Tokenomics standard() {
    return builder().build();
  }

  /**
   * Contributions that were found but cannot be used, one sentence each: a plugin class that
   * fails to load, an OSGi service or Eclipse extension that cannot be created or is wired to
   * another copy of the API, a Tok bundle that is not started. Each is also logged
   * (System.Logger {@code org.tokenomics}).
   *
   * @return the warnings, in the order found; empty when every contribution was taken
   */
  public List<String> pluginWarnings() {
    return toolchain.plugins().warnings();
  }

  /**
   * Parses the prelude now rather than in the first compile. Parsed library files are kept in
   * memory by their text, so every compile of the process starts from the parsed prelude; this
   * only chooses when the first parse happens. A host that knows it will compile soon (a command
   * line still reading its arguments, an editor opening) can call it on a thread of its own.
   * Optional, and it changes no result.
   */
  public static void warmUp() {
    Toolchain.warmUp();
  }

  /**
   * A builder that starts like {@link #standard()}: default limits, plugin discovery on.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Compiles a file; relative imports must stay inside its folder (or the builder's root).
   *
   * @param file the main file
   * @return the compilation: the model or the diagnostics
   */
  public Compilation compile(Path file) {
    String name = file.toString();
    String text;
    try {
      text = org.tokenomics.api.Sources.read(file, limits.maxSourceBytes());
      if (text == null) { // refused before the rest of the file is read
        Diagnostics d = new Diagnostics();
        d.error(Code.TOK600, Span.NONE, org.tokenomics.diag.SafetyMessages.sourceTooLarge(name, limits.maxSourceBytes()),
            "split the model into files joined by import");
        return new Compilation(name, Diagnostic.of(d.all()), null, limits);
      }
    } catch (IOException | RuntimeException e) {
      Diagnostics d = new Diagnostics();
      d.error(Code.TOK202, Span.NONE, "cannot read " + name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return new Compilation(name, Diagnostic.of(d.all()), null, limits);
    }
    Path r = root != null ? root : file.toAbsolutePath().getParent();
    return compile(new SourceFile(name, text, false), file, r);
  }

  /**
   * Compiles source text. Relative imports resolve against the builder's {@link Builder#root}; a
   * source given as a string has no folder of its own, so without a root it may import only
   * modules ({@code std:chips}), never a file (TOK202): the working directory of the host is not
   * a place a script may read.
   *
   * @param name the file name diagnostics show
   * @param source the Tok source text
   * @return the compilation: the model or the diagnostics
   */
  public Compilation compile(String name, String source) {
    return compile(new SourceFile(name, source, false), null, root);
  }

  /**
   * Compiles {@code source} as the text of {@code file}, which need not match what is on disk (an
   * editor's unsaved buffer, as in {@code tok serve}): relative imports resolve against the file's
   * folder and must stay inside the builder's root (default: that folder), exactly as for
   * {@link #compile(Path)}.
   *
   * @param file the file the source stands for; diagnostics name it and imports resolve from its folder
   * @param source the Tok source text to compile in its place
   * @return the compilation: the model or the diagnostics
   */
  public Compilation compile(Path file, String source) {
    Path r = root != null ? root : file.toAbsolutePath().getParent();
    return compile(new SourceFile(file.toString(), source, false), file, r);
  }

  private Compilation compile(SourceFile source, Path location, Path importRoot) {
    Compiler.Result r = toolchain.compile(source, location, limits.compilerOptions(importRoot));
    // A diagnostic about a file that is not Tok never quotes its content (safety.md).
    return new Compilation(source.name(),
        Diagnostic.of(org.tokenomics.api.Sources.withoutForeignText(r.diagnostics(), source.name())), r.model(), limits);
  }

  /**
   * The limits every compile and evaluation is held to.
   *
   * @return the limits every compile and evaluation is held to
   */
  public Limits limits() {
    return limits;
  }

  /**
   * The names of the plugin functions available to Tok code, in the order found.
   *
   * @return the names of the plugin functions available to Tok code, in the order found
   */
  public java.util.Set<String> functions() {
    return toolchain.plugins().functions().keySet();
  }

  /**
   * The plugin reporter for {@code tok run --format NAME}, if a plugin provides that format.
   *
   * @param format the format name, as given to {@code --format}
   * @return the plugin reporter for {@code tok run --format NAME}, if a plugin provides that format
   */
  public java.util.Optional<TokReporter> reporter(String format) {
    return java.util.Optional.ofNullable(toolchain.plugins().reporters().get(format));
  }

  /**
   * The formats plugin reporters provide, in the order found. The command line adds its own
   * ({@link #BUILT_IN_FORMATS}), which no plugin may take.
   *
   * @return the formats plugin reporters provide
   */
  public java.util.Set<String> reporterFormats() {
    return toolchain.plugins().reporters().keySet();
  }

  /** The output formats of {@code tok run} that are not plugins: no reporter may take these names. */
  public static final List<String> BUILT_IN_FORMATS = Plugins.BUILT_IN_FORMATS;

  /**
   * The canonical layout of a source ({@code tok fmt}): one statement per line, {@code =} aligned
   * in runs, comments kept. A source with syntax errors is not formatted: {@link Formatted#ok()} is
   * false and the diagnostics say why.
   *
   * @param name the file name diagnostics show
   * @param source the Tok source text
   * @return the laid-out text, or the source unchanged with its syntax errors
   */
  public static Formatted format(String name, String source) {
    org.tokenomics.syntax.Formatter.Result r = org.tokenomics.syntax.Formatter.format(name, source);
    return new Formatted(r.ok(), r.ok() ? r.text() : source, Diagnostic.of(r.diagnostics()));
  }

  /**
   * Configures a {@link Tokenomics}: limits, the import root, plugins registered explicitly, and
   * whether to discover plugins. Not thread-safe; the {@link Tokenomics} it builds is.
   */
  public static final class Builder {
    private Limits limits = Limits.DEFAULT;
    private Path root;
    private boolean discover = true;
    private final List<ClassLoader> loaders = new ArrayList<>();
    private final List<Object> explicit = new ArrayList<>();

    private Builder() {}

    /**
     * Limits for hostile input (TOK600 when exceeded).
     *
     * @param l the limits
     * @return this builder
     */
    public Builder limits(Limits l) {
      this.limits = Objects.requireNonNull(l, "limits");
      return this;
    }

    /**
     * The folder relative imports must stay inside (default: the main file's folder).
     *
     * @param r the root folder
     * @return this builder
     */
    public Builder root(Path r) {
      this.root = r;
      return this;
    }

    /**
     * Registers a Java-implemented function; it replaces a discovered one of the same name.
     *
     * @param f the function
     * @return this builder
     */
    public Builder function(TokFunction f) {
      explicit.add(Objects.requireNonNull(f, "function"));
      return this;
    }

    /**
     * Registers Tok source modules under a prefix ({@code import "acme:prices"}).
     *
     * @param m the module provider
     * @return this builder
     */
    public Builder module(TokModule m) {
      explicit.add(Objects.requireNonNull(m, "module"));
      return this;
    }

    /**
     * Registers extra units and dimensions.
     *
     * @param u the unit set
     * @return this builder
     */
    public Builder units(TokUnits u) {
      explicit.add(Objects.requireNonNull(u, "units"));
      return this;
    }

    /**
     * Registers an output format for {@code tok run}; it replaces a discovered one of the same name.
     *
     * @param r the reporter
     * @return this builder
     */
    public Builder reporter(TokReporter r) {
      explicit.add(Objects.requireNonNull(r, "reporter"));
      return this;
    }

    /**
     * Whether to discover plugins with ServiceLoader (and OSGi services or Eclipse extensions when
     * running inside such a host). On by default; off gives only what was registered here.
     *
     * @param on false to use only the plugins given to this builder
     * @return this builder
     */
    public Builder discoverPlugins(boolean on) {
      this.discover = on;
      return this;
    }

    /**
     * Also discovers plugins through this class loader (e.g. one over a folder of plugin jars).
     *
     * @param loader a class loader that sees plugin jars
     * @return this builder
     */
    public Builder pluginLoader(ClassLoader loader) {
      loaders.add(Objects.requireNonNull(loader, "loader"));
      return this;
    }

    /**
     * Builds the compiler.
     *
     * @return the compiler
     * @throws IllegalArgumentException when a plugin is invalid (a name that is not an identifier,
     *     a built-in function or format name) or two plugins provide the same function or format
     */
    public Tokenomics build() {
      Plugins.Collector collector = new Plugins.Collector();
      for (Object o : explicit) {
        if (o instanceof TokFunction f) {
          collector.function(f, true);
        } else if (o instanceof TokModule m) {
          collector.module(m);
        } else if (o instanceof TokUnits u) {
          collector.units(u);
        } else if (o instanceof TokReporter r) {
          collector.reporter(r, true);
        }
      }
      if (discover) {
        PluginDiscovery.discover(collector, loaders);
      }
      return new Tokenomics(limits, root == null ? null : root.toAbsolutePath().normalize(),
          Toolchain.of(collector.build()));
    }
  }

}
