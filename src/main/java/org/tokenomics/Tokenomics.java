package org.tokenomics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.tokenomics.api.PluginDiscovery;
import org.tokenomics.api.Plugins;
import org.tokenomics.check.Compiler;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Diagnostics;
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
  /** The prelude files, in load order (they ship in the jar under org/tokenomics/dsl/prelude). */
  static final List<String> PRELUDE = List.of("kinds.tok", "contracts.tok");

  private final Limits limits;
  private final Path root;
  private final Map<String, String> prelude;
  private final Function<String, String> modules;
  private final Plugins plugins;

  private Tokenomics(Limits limits, Path root, Map<String, String> prelude, Function<String, String> modules,
                     Plugins plugins) {
    this.limits = limits;
    this.root = root;
    this.prelude = prelude;
    this.modules = modules;
    this.plugins = plugins;
  }

  /**
   * The prelude, the std modules and the plugins found by {@link java.util.ServiceLoader} (and,
   * inside OSGi or Eclipse, as services or extensions), with default limits.
   *
   * @throws IllegalArgumentException when two plugins provide the same function or format
   */
  public static Tokenomics standard() {
    return builder().build();
  }

  /** A builder that starts like {@link #standard()}: default limits, plugin discovery on. */
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

  /**
   * Compiles {@code source} as the text of {@code file}, which need not match what is on disk (an
   * editor's unsaved buffer, as in {@code tok serve}): relative imports resolve against the file's
   * folder and must stay inside the builder's root (default: that folder), exactly as for
   * {@link #compile(Path)}.
   */
  public Compilation compile(Path file, String source) {
    Path r = root != null ? root : file.toAbsolutePath().getParent();
    return compile(new SourceFile(file.toString(), source, false), file, r);
  }

  private Compilation compile(SourceFile source, Path location, Path importRoot) {
    Compiler.Options options = new Compiler.Options(importRoot, limits.maxSourceBytes(), limits.maxNesting(),
        limits.maxNodes(), limits.maxPeriods(), limits.maxNames());
    Compiler.Result r = Compiler.compile(source, location, options, prelude, modules, plugins.functions());
    return new Compilation(source.name(), r.diagnostics(), r.model(), limits);
  }

  /** The limits every compile and evaluation is held to. */
  public Limits limits() {
    return limits;
  }

  /** The names of the plugin functions available to Tok code, in the order found. */
  public java.util.Set<String> functions() {
    return plugins.functions().keySet();
  }

  /** The plugin reporter for {@code tok run --format NAME}, if a plugin provides that format. */
  public java.util.Optional<TokReporter> reporter(String format) {
    return java.util.Optional.ofNullable(plugins.reporters().get(format));
  }

  /** The formats plugin reporters provide, beside the built-in table, json and csv. */
  public java.util.Set<String> reporterFormats() {
    return plugins.reporters().keySet();
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

    /** Limits for hostile input (TOK600 when exceeded). */
    public Builder limits(Limits l) {
      this.limits = Objects.requireNonNull(l, "limits");
      return this;
    }

    /** The folder relative imports must stay inside (default: the main file's folder). */
    public Builder root(Path r) {
      this.root = r;
      return this;
    }

    /** Registers a Java-implemented function; it replaces a discovered one of the same name. */
    public Builder function(TokFunction f) {
      explicit.add(Objects.requireNonNull(f, "function"));
      return this;
    }

    /** Registers Tok source modules under a prefix ({@code import "acme:prices"}). */
    public Builder module(TokModule m) {
      explicit.add(Objects.requireNonNull(m, "module"));
      return this;
    }

    /** Registers extra units and dimensions. */
    public Builder units(TokUnits u) {
      explicit.add(Objects.requireNonNull(u, "units"));
      return this;
    }

    /** Registers an output format for {@code tok run}; it replaces a discovered one of the same name. */
    public Builder reporter(TokReporter r) {
      explicit.add(Objects.requireNonNull(r, "reporter"));
      return this;
    }

    /**
     * Whether to discover plugins with ServiceLoader (and OSGi services or Eclipse extensions when
     * running inside such a host). On by default; off gives only what was registered here.
     */
    public Builder discoverPlugins(boolean on) {
      this.discover = on;
      return this;
    }

    /** Also discovers plugins through this class loader (e.g. one over a folder of plugin jars). */
    public Builder pluginLoader(ClassLoader loader) {
      loaders.add(Objects.requireNonNull(loader, "loader"));
      return this;
    }

    /**
     * Builds the compiler.
     *
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
      Plugins plugins = collector.build();
      // Plugin units come first: the prelude's kinds may be declared in them.
      Map<String, String> prelude = new LinkedHashMap<>(plugins.unitSources());
      for (String f : PRELUDE) {
        prelude.put("prelude:" + f, resource("prelude/" + f));
      }
      Function<String, String> modules = name -> resolveModule(plugins, name);
      return new Tokenomics(limits, root == null ? null : root.toAbsolutePath().normalize(), java.util.Collections.unmodifiableMap(prelude),
          modules, plugins);
    }
  }

  /** {@code std:NAME} from the library, else from a plugin; {@code prefix:NAME} from plugins. */
  private static String resolveModule(Plugins plugins, String name) {
    int colon = name.indexOf(':');
    String prefix = name.substring(0, colon);
    String rest = name.substring(colon + 1);
    if (!rest.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*")) {
      return null;
    }
    if (prefix.equals("std") && rest.matches("[A-Za-z0-9_]+")) {
      String text = optionalResource("std/" + rest + ".tok");
      if (text != null) {
        return text;
      }
    }
    return plugins.module(prefix, rest);
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
