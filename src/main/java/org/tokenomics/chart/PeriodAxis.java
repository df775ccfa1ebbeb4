package org.tokenomics.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

/**
 * A horizontal axis of periods: period {@code i} is plotted at x = i and labelled with its label
 * ({@code 2026}, {@code 2026-Q1}, {@code 2026-01}). Tick spacing is chosen among whole numbers of
 * periods (1, 2, 3, 4, 6, 12 …) so that labels never overlap, and lands on year starts for monthly
 * and quarterly timelines.
 */
final class PeriodAxis {
  private static final int[] STEPS = {1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600, 1200, 2400, 6000};

  private PeriodAxis() {}

  static NumberAxis create(String label, List<String> periods) {
    NumberAxis axis = new Axis(label, periods);
    NumberFormat format = new Labels(periods);
    TickUnits units = new TickUnits();
    for (int step : STEPS) {
      units.add(new NumberTickUnit(step, format, 1));
    }
    axis.setStandardTickUnits(units);
    axis.setAutoRangeIncludesZero(false);
    int n = Math.max(1, periods.size());
    double pad = n == 1 ? 0.5 : Math.max(0.2, (n - 1) * 0.02);
    axis.setRange(new Range(-pad, n - 1 + pad));
    return axis;
  }

  /** Measures the real labels, so that the chosen spacing keeps them apart. */
  private static final class Axis extends NumberAxis {
    private final List<String> periods;

    Axis(String label, List<String> periods) {
      super(label);
      this.periods = List.copyOf(periods);
    }

    @Override
    protected double estimateMaximumTickLabelWidth(Graphics2D g2, TickUnit unit) {
      FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
      double widest = 0;
      for (String p : periods) {
        widest = Math.max(widest, fm.stringWidth(p));
      }
      RectangleInsets insets = getTickLabelInsets();
      return widest + insets.getLeft() + insets.getRight() + 12;
    }
  }

  /** Formats a whole-number x as its period's label; anything else as nothing. */
  private static final class Labels extends NumberFormat {
    private final List<String> periods;

    Labels(List<String> periods) {
      this.periods = List.copyOf(periods);
    }

    @Override
    public StringBuffer format(double x, StringBuffer to, FieldPosition pos) {
      long i = Math.round(x);
      if (Math.abs(x - i) < 1e-6 && i >= 0 && i < periods.size()) {
        to.append(periods.get((int) i));
      }
      return to;
    }

    @Override
    public StringBuffer format(long x, StringBuffer to, FieldPosition pos) {
      return format((double) x, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      int i = periods.indexOf(source);
      pos.setIndex(i < 0 ? 0 : source.length());
      return i < 0 ? null : i;
    }
  }
}
