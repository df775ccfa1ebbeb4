package org.tokenomics.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A Tok function implemented in Java, with declared parameter dimensions. A call
 * {@code name(a, b: …)} is checked like a built-in: arguments bind by position or label, each
 * must have its parameter's dimension (TOK300 otherwise), and the result has the dimension of
 * {@link #resultUnit()}. Series arguments make the call a series: {@link #apply} is then called
 * once per period.
 *
 * <p>Values cross the boundary in the declared units, not in base units: a parameter declared
 * {@code "$B/yr"} receives 2.0 for {@code $2B/yr}, and a result declared {@code "$/Mtok"} is read
 * as dollars per million tokens.
 *
 * <p>The function must be <b>pure</b> (its result depends only on its arguments; it has no side
 * effects) and thread-safe: Tok folds calls with constant arguments at compile time and evaluates
 * one model from many threads. An exception thrown by {@link #apply}, or a NaN or infinite result,
 * is the evaluation error TOK500 at the call.
 *
 * <pre>{@code
 * public final class Discount implements TokFunction {
 *   public String name() { return "discount"; }
 *   public List<Parameter> parameters() {
 *     return List.of(Parameter.required("amount", "$"), Parameter.optional("rate", "1", 0.08));
 *   }
 *   public String resultUnit() { return "$"; }
 *   public double apply(double[] a) { return a[0] / (1 + a[1]); }
 * }
 * }</pre>
 */
public interface TokFunction {

  /**
   * The name Tok code calls it by: an identifier that is not a built-in function.
   *
   * @return the name Tok code calls it by: an identifier that is not a built-in function
   */
  String name();

  /**
   * The parameters, in positional order.
   *
   * @return the parameters, in positional order
   */
  List<Parameter> parameters();

  /**
   * The unit of the result as a Tok unit expression ({@code "$/yr"}, {@code "W/GPU"}); {@code "1"}
   * or {@code ""} for a dimensionless number.
   *
   * @return the unit of the result as a Tok unit expression ({@code "$/yr"}, {@code "W/GPU"})
   */
  String resultUnit();

  /**
   * Computes the result in {@link #resultUnit()} from the arguments, each in its parameter's unit,
   * in the order of {@link #parameters()}. The array belongs to the caller for this call only.
   *
   * @param args the arguments in base units, in the order of {@link #parameters()}
   * @return the result in {@link #resultUnit()}
   */
  double apply(double[] args);

  /**
   * A function from a lambda, for hosts that register functions explicitly.
   *
   * @return a function from a lambda, for hosts that register functions explicitly
   * @param name       the Tok name
   * @param resultUnit the result's unit expression
   * @param parameters the parameters, in positional order
   * @param body       a pure, thread-safe implementation
   */
  static TokFunction of(String name, String resultUnit, List<Parameter> parameters, ToDoubleFunction<double[]> body) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resultUnit, "resultUnit");
    Objects.requireNonNull(body, "body");
    List<Parameter> params = List.copyOf(parameters);
    return new TokFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Parameter> parameters() {
        return params;
      }

      @Override
      public String resultUnit() {
        return resultUnit;
      }

      @Override
      public double apply(double[] args) {
        return body.applyAsDouble(args);
      }

      @Override
      public String toString() {
        return "TokFunction " + name;
      }
    };
  }

  /**
   * One parameter of a {@link TokFunction}.
   *
   * @param name         its name, also usable as a label ({@code f(rate: 8 %)})
   * @param unit         a Tok unit expression fixing its dimension ({@code "$/yr"}); {@code "1"} or
   *                     {@code ""} for a dimensionless number
   * @param defaultValue the value used when the call omits it, in {@code unit}; null when required
   */
  record Parameter(String name, String unit, Double defaultValue) {

    /**
     * Checks the name (an identifier) and the unit (not null).
     *
     * @param name the parameter's name, as callers write it with {@code name:}
     * @param unit the unit of the parameter, as Tok writes it ({@code $}, {@code yr}, {@code 1} for a plain number)
     * @param defaultValue the value in base units when the caller leaves it out, or null when it is required
     */
    public Parameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(unit, "unit");
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("a parameter name must be an identifier: '" + name + "'");
      }
    }

    /**
     * A parameter every call must give.
     *
     * @param name the parameter's name, as callers write it with {@code name:}
     * @param unit the unit of the parameter, as Tok writes it ({@code $}, {@code yr}, {@code 1} for a plain number)
     * @return a parameter every call must give
     */
    public static Parameter required(String name, String unit) {
      return new Parameter(name, unit, null);
    }

    /**
     * A parameter with a default, given in {@code unit}.
     *
     * @param name the parameter's name, as callers write it with {@code name:}
     * @param unit the unit of the parameter, as Tok writes it ({@code $}, {@code yr}, {@code 1} for a plain number)
     * @param defaultValue the value in base units when the caller leaves it out, or null when it is required
     * @return a parameter with a default, given in {@code unit}
     */
    public static Parameter optional(String name, String unit, double defaultValue) {
      return new Parameter(name, unit, defaultValue);
    }

    /**
     * True when calls may omit it.
     *
     * @return true when calls may omit it
     */
    public boolean isOptional() {
      return defaultValue != null;
    }
  }
}
