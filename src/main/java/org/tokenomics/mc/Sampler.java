package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.DistSpec;
import org.tokenomics.eval.Cell;
import org.tokenomics.eval.Frame;
import org.tokenomics.eval.Node;
import org.tokenomics.eval.Program;

/**
 * A program whose distribution params read their value from the frame's draws instead of using
 * their median. Overrides (a scenario, {@code --set}, an API map) are applied first, later ones
 * winning: an override with a plain value stops a param being drawn, an override with a
 * distribution makes it drawn. Immutable.
 */
public final class Sampler {
  private final Program program;
  private final List<UncertainParam> params;

  private Sampler(Program program, List<UncertainParam> params) {
    this.program = program;
    this.params = List.copyOf(params);
  }

  /** The sampled form of {@code model} under {@code overrides} (may be empty). */
  public static Sampler of(CompiledModel model, List<CompiledModel.Override> overrides) {
    Program base = Runner.apply(model.program(), overrides);
    Map<Integer, CompiledModel.Override> bySlot = new HashMap<>();
    for (CompiledModel.Override o : overrides) {
      bySlot.put(o.slot(), o); // later overrides win, as in Runner.apply
    }
    List<UncertainParam> params = new ArrayList<>();
    Map<Integer, Cell> replaced = new HashMap<>();
    for (CompiledModel.ParamSpec p : model.params()) {
      CompiledModel.Override o = bySlot.get(p.slot());
      DistSpec dist = o != null ? o.dist() : p.dist();
      if (dist == null) {
        continue;
      }
      int index = params.size();
      params.add(new UncertainParam(p.name(), p.slot(), dist, index, Draws.stream(p.name())));
      Cell cell = base.cell(p.slot());
      SampledDist computer = new SampledDist(dist.family(), dist.args().toArray(Node[]::new), dist.span(), index);
      replaced.put(p.slot(), cell.withComputer(computer, cell.deps(), cell.series()));
    }
    return new Sampler(replaced.isEmpty() ? base : base.with(replaced), params);
  }

  public Program program() {
    return program;
  }

  /** The params drawn in each sample, in the model's param order. */
  public List<UncertainParam> params() {
    return params;
  }

  /** A frame whose draws are all 0.5: every distribution at its median (the deterministic run). */
  public Frame newFrame() {
    Frame f = program.newFrame();
    f.draws = new double[params.size()];
    Arrays.fill(f.draws, 0.5);
    return f;
  }

  /** Fills {@code u} with sample {@code i}'s draws. */
  public void draw(long seed, long i, double[] u) {
    for (UncertainParam p : params) {
      u[p.index()] = Draws.uniform(seed, i, p.stream());
    }
  }
}
