package org.tokenomics.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tokenomics.check.Compiler;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.SyntaxParser;

/**
 * What every compile of one {@code org.tokenomics.Tokenomics} shares: the prelude (plugin units
 * first), the module resolver ({@code std:} from the library, other prefixes from plugins) and the
 * plugins. The public {@code Tokenomics} wraps one; the language server, which needs the checked
 * model behind a compilation, uses one directly. Immutable and thread-safe.
 */
public final class Toolchain {
  /** The prelude files, in load order (they ship in the jar under org/tokenomics/dsl/prelude). */
  static final List<String> PRELUDE = List.of("kinds.tok", "contracts.tok");

  private final Map<String, String> prelude;
  private final Function<String, String> modules;
  private final Plugins plugins;

  private Toolchain(Plugins plugins) {
    this.plugins = plugins;
    // Plugin units come first: the prelude's kinds may be declared in them.
    Map<String, String> p = new LinkedHashMap<>(plugins.unitSources());
    for (String f : PRELUDE) {
      p.put("prelude:" + f, PreludeTexts.text(f));
    }
    this.prelude = Collections.unmodifiableMap(p);
    // A class, not the method reference this::module: on the command line this runs before the
    // compile thread starts, and the process's first lambda sets up java.lang.invoke (some 5 ms
    // cold), which is better paid on the compile thread beside the warm-up thread's parse.
    this.modules = new Function<String, String>() {
      @Override
      public String apply(String name) {
        return module(name);
      }
    };
  }

  /**
   * The prelude's texts, read from the library once per process: the command line's warm-up
   * thread and the toolchain both need them at start-up, and decoding them twice was a millisecond
   * or two of cold code (issue 22). A missing file is null here and an error where it is needed.
   */
  private static final class PreludeTexts {
    private static final Map<String, String> BY_FILE = read();

    private static Map<String, String> read() {
      Map<String, String> m = new java.util.HashMap<>();
      for (String f : PRELUDE) {
        m.put(f, optionalResource("prelude/" + f));
      }
      return m;
    }

    static String text(String file) {
      String text = BY_FILE.get(file);
      if (text == null) {
        throw new IllegalStateException("the Tok library is missing prelude/" + file);
      }
      return text;
    }
  }

  /** A toolchain with these plugins. */
  public static Toolchain of(Plugins plugins) {
    return new Toolchain(plugins);
  }

  /** The plugins found by discovery (ServiceLoader, OSGi, Eclipse) and nothing else. */
  public static Toolchain discovered() {
    Plugins.Collector collector = new Plugins.Collector();
    PluginDiscovery.discover(collector, List.of());
    return new Toolchain(collector.build());
  }

  /**
   * Parses the prelude with the default limits into the parser's memory of library files
   * ({@code SyntaxParser}), where a compile with those limits finds it.
   */
  public static void warmUp() {
    SyntaxParser parser = new SyntaxParser();
    for (String f : PRELUDE) {
      parser.parse(new SourceFile("prelude:" + f, PreludeTexts.text(f), true), new Diagnostics());
    }
  }

  /** The plugins. */
  public Plugins plugins() {
    return plugins;
  }

  /** Compiles one main file; {@code location} is its path (null for text), for relative imports. */
  public Compiler.Result compile(SourceFile main, Path location, Compiler.Options options) {
    return Compiler.compile(main, location, options, prelude, modules, plugins.functions());
  }

  /** {@code std:NAME} from the library, else from a plugin; {@code prefix:NAME} from plugins. */
  private String module(String name) {
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

  private static String optionalResource(String path) {
    try (InputStream in = open("org/tokenomics/dsl/" + path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A library resource, looked up where Tok's classes are first. {@code Class.getResourceAsStream}
   * asks the parent loaders before, and the JDK's boot loader answers a name outside its packages
   * by opening its module image and searching every module of the JDK (some 2 ms of a cold start,
   * issue 22) for a file it never holds; the module's own look-up (Tok's unnamed module: its class
   * loader's class path, or a bundle's own entries) does not. The usual look-up stays the fallback,
   * for a host whose loader keeps Tok's resources apart from its classes.
   */
  private static InputStream open(String name) throws IOException {
    InputStream in = Toolchain.class.getModule().getResourceAsStream(name);
    return in != null ? in : Toolchain.class.getResourceAsStream("/" + name);
  }
}
