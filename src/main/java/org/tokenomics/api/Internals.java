package org.tokenomics.api;

import org.tokenomics.Model;
import org.tokenomics.check.CompiledModel;

/**
 * The library's own tools (CLI, Monte Carlo, language server) reach a model's compiled form
 * through here, so that the exported API ({@code org.tokenomics}) names no internal type.
 * {@link Model} registers the accessor when it is loaded.
 */
public final class Internals {
  /** Reads a model's compiled form. */
  public interface ModelAccess {
    CompiledModel compiled(Model model);
  }

  private static volatile ModelAccess access;

  private Internals() {}

  /** Called once by {@link Model}'s class initializer; later calls are ignored. */
  public static synchronized void register(ModelAccess a) {
    if (access == null) {
      access = a;
    }
  }

  /** The compiled form of {@code model}. */
  public static CompiledModel compiled(Model model) {
    return access.compiled(model);
  }
}
