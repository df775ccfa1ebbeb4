package org.tokenomics.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * One unit contributed by {@link TokUnits}.
 *
 * @param name       the unit's name, an identifier ({@code rack}, {@code MMBtu})
 * @param definition null for a new base dimension; otherwise a constant positive Tok quantity
 *                   ({@code "72 GPU"}, {@code "1.055e9 J"}) that the unit stands for
 */
public record UnitDefinition(String name, String definition) {

  /**
   * Checks that the name is an identifier and that the definition is one line.
   *
   * @param name the unit's name ({@code rack})
   * @param definition its definition as Tok writes it ({@code 72 GPU}), or null for a new base dimension
   */
  public UnitDefinition {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("a unit name must be an identifier: '" + name + "'");
    }
    if (definition != null && (definition.isBlank() || definition.contains("\n") || definition.contains("\r")
        || definition.contains("//") || definition.contains("/*"))) {
      throw new IllegalArgumentException("the definition of unit " + name + " must be one Tok expression");
    }
  }

  /**
   * A new base dimension named after the unit.
   *
   * @param name the unit's name ({@code rack})
   * @return a new base dimension named after the unit
   */
  public static UnitDefinition base(String name) {
    return new UnitDefinition(name, null);
  }

  /**
   * A unit standing for a Tok quantity, e.g. {@code derived("rack", "72 GPU")}.
   *
   * @param name the unit's name ({@code rack})
   * @param definition its definition as Tok writes it ({@code 72 GPU}), or null for a new base dimension
   * @return a unit standing for a Tok quantity, e.g. {@code derived("rack", "72 GPU")}
   */
  public static UnitDefinition derived(String name, String definition) {
    return new UnitDefinition(name, Objects.requireNonNull(definition, "definition"));
  }

  /**
   * A unit standing for {@code factor} of {@code unit}, e.g. {@code derived("MMBtu", 1.055056e9, "J")}.
   *
   * @param name the unit's name ({@code rack})
   * @param factor how many of {@code unit} one of it is
   * @param unit the unit it is a multiple of, or null for a new base dimension
   * @return a unit standing for {@code factor} of {@code unit}, e.g. {@code derived("MMBtu", 1.055056e9, "J")}
   */
  public static UnitDefinition derived(String name, double factor, String unit) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("unit " + name + " needs a positive factor, got " + factor);
    }
    return new UnitDefinition(name, String.format(Locale.ROOT, "%s %s", Double.toString(factor), unit));
  }

  /**
   * The Tok declaration: {@code unit rack = 72 GPU}.
   *
   * @return the Tok declaration: {@code unit rack = 72 GPU}
   */
  public String toTok() {
    return definition == null ? "unit " + name : "unit " + name + " = " + definition;
  }
}
