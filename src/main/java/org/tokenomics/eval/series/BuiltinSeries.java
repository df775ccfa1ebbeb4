package org.tokenomics.eval.series;

import org.tokenomics.time.Timeline;
import org.tokenomics.time.Dates;

import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;

/** The built-in series {@code t}, {@code dt}, {@code date}, {@code year}, {@code period} (§6). */
public final class BuiltinSeries extends Node implements org.tokenomics.eval.Strict {
  public enum Which { T, DT, DATE, YEAR, PERIOD }

  private final Which which;

  public BuiltinSeries(Which which, boolean series) {
    super(series);
    this.which = which;
  }

  public static Which named(String name) {
    return switch (name) {
      case "t" -> Which.T;
      case "dt" -> Which.DT;
      case "date" -> Which.DATE;
      case "year" -> Which.YEAR;
      case "period" -> Which.PERIOD;
      default -> null;
    };
  }

  @Override
  public Node[] inputs() {
    return new Node[0];
  }

  @Override
  public double eval(Frame f, int p) {
    return apply(f, p);
  }

  public double apply(Frame f, int p) {
    Timeline tl = f.timeline;
    return switch (which) {
      case T -> tl.start(p) - tl.first();
      case DT -> tl.length();
      case DATE -> tl.start(p);
      case YEAR -> tl.year(p);
      case PERIOD -> p;
    };
  }
}
