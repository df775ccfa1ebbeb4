package org.tokenomics.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.osgi.framework.Bundle;
import org.tokenomics.spi.TokFunction;
import org.tokenomics.spi.TokModule;
import org.tokenomics.spi.TokReporter;
import org.tokenomics.spi.TokUnits;
import org.tokenomics.spi.UnitDefinition;

/**
 * Contributions to the extension points the Tok bundle declares in its {@code plugin.xml}
 * ({@code org.tokenomics.functions}, {@code .modules}, {@code .units}, {@code .reporters}), read
 * from the Eclipse extension registry when one is running. See {@code schema/*.exsd}.
 */
public final class EclipseExtensions {
  /** The namespace of the extension points: the bundle's symbolic name. */
  public static final String NAMESPACE = "org.tokenomics";

  private EclipseExtensions() {}

  /**
   * Hands every contribution to {@code found} (a {@link TokFunction}, {@link TokModule},
   * {@link TokUnits} or {@link TokReporter}) and each one that cannot be used to {@code warn};
   * does nothing when there is no registry.
   */
  public static void discover(java.util.function.Consumer<Object> found, java.util.function.Consumer<String> warn) {
    IExtensionRegistry registry = RegistryFactory.getRegistry();
    if (registry == null) {
      return;
    }
    for (IConfigurationElement e : registry.getConfigurationElementsFor(NAMESPACE, "functions")) {
      if (e.getName().equals("function") && create(e, TokFunction.class, warn) instanceof TokFunction f) {
        found.accept(f);
      }
    }
    Map<String, Map<String, String>> files = new LinkedHashMap<>();
    for (IConfigurationElement e : registry.getConfigurationElementsFor(NAMESPACE, "modules")) {
      if (!e.getName().equals("module")) {
        continue;
      }
      if (e.getAttribute("class") != null) {
        if (create(e, TokModule.class, warn) instanceof TokModule m) {
          found.accept(m);
        }
      } else if (e.getAttribute("prefix") != null && e.getAttribute("name") != null && e.getAttribute("file") != null) {
        String text = read(e, e.getAttribute("file"));
        if (text != null) {
          files.computeIfAbsent(e.getAttribute("prefix"), p -> new LinkedHashMap<>()).put(e.getAttribute("name"), text);
        }
      }
    }
    files.forEach((prefix, sources) -> found.accept(new FileModules(prefix, sources)));
    List<UnitDefinition> declared = new ArrayList<>();
    for (IConfigurationElement e : registry.getConfigurationElementsFor(NAMESPACE, "units")) {
      if (e.getName().equals("units") && e.getAttribute("class") != null) {
        if (create(e, TokUnits.class, warn) instanceof TokUnits u) {
          found.accept(u);
        }
      } else if (e.getName().equals("unit") && e.getAttribute("name") != null) {
        declared.add(new UnitDefinition(e.getAttribute("name"), e.getAttribute("definition")));
      }
    }
    if (!declared.isEmpty()) {
      found.accept(new DeclaredUnits(List.copyOf(declared)));
    }
    for (IConfigurationElement e : registry.getConfigurationElementsFor(NAMESPACE, "reporters")) {
      if (e.getName().equals("reporter") && create(e, TokReporter.class, warn) instanceof TokReporter r) {
        found.accept(r);
      }
    }
  }

  /**
   * The extension's {@code class}, or null (with a warning) when it cannot be created or is not a
   * {@code type} of this bundle's API.
   */
  private static Object create(IConfigurationElement e, Class<?> type, java.util.function.Consumer<String> warn) {
    String what = "the " + e.getName() + " extension " + e.getAttribute("class") + " of " + e.getContributor().getName();
    try {
      Object o = e.createExecutableExtension("class");
      if (!type.isInstance(o)) {
        warn.accept(what + " is not a " + type.getName() + " of the Tok bundle it was given to");
        return null;
      }
      return o;
    } catch (Exception | LinkageError ex) {
      warn.accept(what + " cannot be created: " + ex.getMessage());
      return null;
    }
  }

  /** A file of the contributing bundle, as UTF-8 text; null when missing. */
  private static String read(IConfigurationElement e, String file) {
    Bundle bundle = ContributorFactoryOSGi.resolve(e.getContributor());
    URL url = bundle == null ? null : bundle.getEntry(file);
    if (url == null) {
      return null;
    }
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      return null;
    }
  }

  /** Modules declared with {@code <module prefix= name= file=/>}. */
  private record FileModules(String prefix, Map<String, String> sources) implements TokModule {
    @Override
    public String source(String name) {
      return sources.get(name);
    }

    @Override
    public java.util.Set<String> names() {
      return sources.keySet();
    }
  }

  /** Units declared with {@code <unit name= definition=/>}. */
  private record DeclaredUnits(List<UnitDefinition> units) implements TokUnits {}
}
