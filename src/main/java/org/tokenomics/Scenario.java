package org.tokenomics;

/** Names a scenario declared in the model ({@code scenario bear { … }}), or the base run. */
public record Scenario(String name) {
  /**
   * Checks that the name is given.
   *
   * @param name the scenario's declared name
   */
  public Scenario {
    java.util.Objects.requireNonNull(name, "name");
  }

  /** The base run: no scenario's overrides. */
  public static final Scenario BASE = new Scenario("base");

  /**
   * A scenario by its declared name ({@code "bear"}), or {@code "base"}.
   *
   * @param name the scenario's declared name
   * @return a scenario by its declared name ({@code "bear"}), or {@code "base"}
   */
  public static Scenario named(String name) {
    return new Scenario(name);
  }
}
