package org.tokenomics.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tok source modules under a prefix: a module with prefix {@code acme} answers
 * {@code import "acme:prices"} with the Tok source of {@code prices}. Modules typically declare
 * kinds, instances (catalogs of chips, price lists) and functions written in Tok. Several modules
 * may share a prefix (the first that has the name wins); under {@code std} the library's own
 * modules come first.
 */
public interface TokModule {

  /**
   * The prefix before the colon: lower-case letters, digits and {@code _}, starting with a letter.
   *
   * @return the prefix before the colon: lower-case letters, digits and {@code _}, starting with a letter
   */
  String prefix();

  /**
   * The Tok source of module {@code name} (the part after the colon), or null when this provider
   * has no such module. Called once per compilation that imports it; must be thread-safe.
   *
   * @param name the module name after the prefix ({@code prices} for {@code acme:prices})
   * @return the Tok source of module {@code name} (the part after the colon), or null when this provider has no such module
   */
  String source(String name);

  /**
   * The module names this provider knows, for messages; may be empty when unknown.
   *
   * @return the module names this provider knows, for messages
   */
  default Set<String> names() {
    return Set.of();
  }

  /**
   * Modules held in memory: name → Tok source.
   *
   * @param prefix the import prefix ({@code acme} in {@code import "acme:prices"})
   * @param sources module name to its Tok source
   * @return modules held in memory: name → Tok source
   */
  static TokModule of(String prefix, Map<String, String> sources) {
    Objects.requireNonNull(prefix, "prefix");
    Map<String, String> copy = Map.copyOf(sources);
    return new TokModule() {
      @Override
      public String prefix() {
        return prefix;
      }

      @Override
      public String source(String name) {
        return copy.get(name);
      }

      @Override
      public Set<String> names() {
        return copy.keySet();
      }

      @Override
      public String toString() {
        return "TokModule " + prefix + ":" + copy.keySet();
      }
    };
  }

  /**
   * Modules read as resources: {@code import "acme:prices"} reads {@code FOLDER/prices.tok} through
   * {@code loader} (UTF-8). Names may contain only letters, digits, {@code _} and {@code -}.
   *
   * @return modules read as resources: {@code import "acme:prices"} reads {@code FOLDER/prices.tok} through {@code loader} (UTF-8)
   * @param prefix the prefix
   * @param loader the class loader holding the resources (usually the plugin's own)
   * @param folder the resource folder, e.g. {@code "com/acme/tok"}
   */
  static TokModule ofResources(String prefix, ClassLoader loader, String folder) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(loader, "loader");
    String base = folder.endsWith("/") ? folder : folder + "/";
    return new TokModule() {
      @Override
      public String prefix() {
        return prefix;
      }

      @Override
      public String source(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
          return null;
        }
        try (InputStream in = loader.getResourceAsStream(base + name + ".tok")) {
          return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          return null;
        }
      }

      @Override
      public String toString() {
        return "TokModule " + prefix + ": from " + base;
      }
    };
  }
}
