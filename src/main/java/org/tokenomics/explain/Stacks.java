package org.tokenomics.explain;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.check.CellSym;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.CostStacks;
import org.tokenomics.eval.EvalError;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;

/**
 * A value's cost stack (issue 16): for each {@code total(…)} it is made of, each member's term
 * evaluated on the explainer's frame, and its share of the total.
 */
final class Stacks {
  private Stacks() {}

  /** The members' shares of the totals in {@code cell}, evaluated for {@code periods} periods; empty when none. */
  static List<ExplainNode.Share> of(CompiledModel cm, CellSym cell, Frame frame, int periods) {
    List<ExplainNode.Share> out = new ArrayList<>();
    for (CostStacks.Stack s : CostStacks.of(cm, cell)) {
      try {
        for (int slot : s.reads()) {
          frame.values(slot); // the terms read these cells directly
        }
        List<double[]> values = new ArrayList<>();
        double all = 0;
        for (Node term : s.terms()) {
          double[] v = new double[term.series() ? periods : 1];
          for (int p = 0; p < v.length; p++) {
            v[p] = term.eval(frame, p);
          }
          // a scalar term added to a series total counts once per period
          all += sum(v) * (term.series() ? 1 : periods);
          values.add(v);
        }
        for (int i = 0; i < values.size(); i++) {
          double[] v = values.get(i);
          double mine = sum(v) * (v.length == 1 ? periods : 1);
          double share = all == 0 || !Double.isFinite(all) ? Double.NaN : mine / all;
          out.add(new ExplainNode.Share(s.over(), s.members().get(i), v, share));
        }
      } catch (EvalError e) {
        // the value itself shows the error; a stack half evaluated would mislead
      }
    }
    return out;
  }

  private static double sum(double[] v) {
    double t = 0;
    for (double x : v) {
      t += x;
    }
    return t;
  }
}
