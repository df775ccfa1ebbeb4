package org.tokenomics;

/** Names a scenario declared in the model ({@code scenario bear { … }}), or the base run. */
public record Scenario(String name) {
  public static final Scenario BASE = new Scenario("base");

  public static Scenario named(String name) {
    return new Scenario(name);
  }
}
