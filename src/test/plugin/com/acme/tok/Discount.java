package com.acme.tok;

import java.util.List;
import org.tokenomics.spi.TokFunction;

/** {@code acme_discount(amount, rate: 8 %, years)}: an amount discounted over whole years. */
public final class Discount implements TokFunction {
  @Override
  public String name() {
    return "acme_discount";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.required("amount", "$B"), Parameter.optional("rate", "%", 8),
        Parameter.required("years", "yr"));
  }

  @Override
  public String resultUnit() {
    return "$B";
  }

  @Override
  public double apply(double[] a) {
    if (a[2] < 0) {
      throw new IllegalArgumentException("years must not be negative");
    }
    return a[0] / Math.pow(1 + a[1] / 100, a[2]);
  }
}
