package org.tokenomics.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tokenomics.check.PluginCalls;
import org.tokenomics.spi.TokFunction;
import org.tokenomics.spi.TokModule;
import org.tokenomics.spi.TokReporter;
import org.tokenomics.spi.TokUnits;
import org.tokenomics.spi.UnitDefinition;

/**
 * The extensions one {@link org.tokenomics.Tokenomics} uses: functions and reporters by name,
 * modules and unit sets in the order found. Immutable once built.
 */
public record Plugins(Map<String, TokFunction> functions, List<TokModule> modules, List<TokUnits> units,
                      Map<String, TokReporter> reporters, List<String> warnings) {

  /** The formats built into {@code tok run}, which reporters may not take. */
  public static final List<String> BUILT_IN_FORMATS = List.of("table", "json", "csv", "html");

  /** No plugins. */
  public static final Plugins NONE = new Plugins(Map.of(), List.of(), List.of(), Map.of(), List.of());

  /** Copies everything. */
  public Plugins {
    functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    modules = List.copyOf(modules);
    units = List.copyOf(units);
    reporters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reporters));
    warnings = List.copyOf(warnings);
  }

  /** The source of {@code prefix:name} from the first module of that prefix that has it, or null. */
  public String module(String prefix, String name) {
    for (TokModule m : modules) {
      if (prefix.equals(m.prefix())) {
        String text = m.source(name);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  /** The plugin units as Tok declarations, one source per unit set: name → text. */
  public Map<String, String> unitSources() {
    Map<String, String> out = new LinkedHashMap<>();
    for (TokUnits u : units) {
      StringBuilder b = new StringBuilder();
      for (UnitDefinition d : u.units()) {
        b.append(d.toTok()).append('\n');
      }
      String name = "plugin-units:" + u.getClass().getName();
      String key = name;
      for (int i = 2; out.containsKey(key); i++) {
        key = name + "#" + i;
      }
      out.put(key, b.toString());
    }
    return out;
  }

  /**
   * Gathers plugins: explicit registrations first, then discovered ones. The same class found
   * twice counts once; two different providers of one function or format are an error, except
   * that an explicit registration replaces a discovered one.
   */
  public static final class Collector {
    private final Map<String, TokFunction> functions = new LinkedHashMap<>();
    private final Map<String, Boolean> explicitFunctions = new LinkedHashMap<>();
    private final List<TokModule> modules = new ArrayList<>();
    private final List<TokUnits> units = new ArrayList<>();
    private final Map<String, TokReporter> reporters = new LinkedHashMap<>();
    private final Map<String, Boolean> explicitReporters = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * Records a contribution that exists but cannot be used (a plugin that fails to load, an OSGi
     * service in another class space, a bundle that is not started), and logs it: a host that
     * misses a plugin learns why instead of meeting an unknown name later.
     */
    public void warn(String message) {
      if (!warnings.contains(message)) {
        warnings.add(message);
        System.getLogger("org.tokenomics").log(System.Logger.Level.WARNING, message);
      }
    }

    /** Adds a function; {@code explicit} for one the host registered itself. */
    public void function(TokFunction f, boolean explicit) {
      String name = f.name();
      if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("a Tok function needs an identifier as its name, not '" + name + "' ("
            + f.getClass().getName() + ")");
      }
      if (PluginCalls.isBuiltIn(name)) {
        throw new IllegalArgumentException("'" + name + "' is a built-in Tok function; " + f.getClass().getName()
            + " must choose another name");
      }
      if (f.parameters() == null || f.resultUnit() == null) {
        throw new IllegalArgumentException("the Tok function " + name + " (" + f.getClass().getName()
            + ") must declare its parameters and result unit");
      }
      TokFunction old = functions.get(name);
      if (old != null && !replaces(old, f, explicit, explicitFunctions.get(name))) {
        return;
      }
      functions.put(name, f);
      explicitFunctions.put(name, explicit);
    }

    /** Adds a module provider. */
    public void module(TokModule m) {
      String prefix = m.prefix();
      if (prefix == null || !prefix.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("a Tok module prefix must be lower-case letters, digits and _, not '"
            + prefix + "' (" + m.getClass().getName() + ")");
      }
      if (modules.stream().noneMatch(x -> sameProvider(x, m))) {
        modules.add(m);
      }
    }

    /** Adds a set of units. */
    public void units(TokUnits u) {
      if (units.stream().noneMatch(x -> sameProvider(x, u))) {
        units.add(u);
      }
    }

    /** Adds a reporter; {@code explicit} for one the host registered itself. */
    public void reporter(TokReporter r, boolean explicit) {
      String format = r.format();
      if (format == null || !format.matches("[a-z0-9][a-z0-9_-]*")) {
        throw new IllegalArgumentException("a report format must be lower-case letters, digits, - and _, not '"
            + format + "' (" + r.getClass().getName() + ")");
      }
      if (BUILT_IN_FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("'" + format + "' is a built-in format; " + r.getClass().getName()
            + " must choose another name");
      }
      TokReporter old = reporters.get(format);
      if (old != null && !replaces(old, r, explicit, explicitReporters.get(format))) {
        return;
      }
      reporters.put(format, r);
      explicitReporters.put(format, explicit);
    }

    /** Whether {@code now} replaces {@code old} for one name; throws for a real clash. */
    private static boolean replaces(Object old, Object now, boolean explicit, boolean oldExplicit) {
      if (old == now) {
        return false;
      }
      if (sameProvider(old, now)) {
        return explicit && !oldExplicit;
      }
      if (explicit != oldExplicit) {
        return explicit;
      }
      String what = old instanceof TokFunction f ? "function " + f.name() : "format " + ((TokReporter) old).format();
      throw new IllegalArgumentException("two plugins provide the Tok " + what + ": " + old.getClass().getName()
          + " and " + now.getClass().getName());
    }

    /**
     * Found twice (by ServiceLoader through two class loaders, or also as an OSGi service): the
     * same class, instantiated without arguments.
     */
    private static boolean sameProvider(Object a, Object b) {
      if (a == b) {
        return true;
      }
      if (a.getClass() != b.getClass()) {
        return false;
      }
      try {
        a.getClass().getConstructor();
        return true;
      } catch (NoSuchMethodException | SecurityException e) {
        return false;
      }
    }

    /** The plugins gathered. */
    public Plugins build() {
      return new Plugins(functions, modules, units, reporters, warnings);
    }
  }
}
