package org.tokenomics.mc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.run.Runner;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.DistSpec;
import org.tokenomics.dist.Paths;
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
  /** The correlations among the drawn params, or null when they are all independent. */
  private final Copula copula;

  private Sampler(Program program, List<UncertainParam> params, Copula copula) {
    this.program = program;
    this.params = List.copyOf(params);
    this.copula = copula;
    int n = params.size();
    this.scratch = ThreadLocal.withInitial(() -> new double[n]);
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
      Node[] args = dist.args().toArray(Node[]::new);
      long stream = Draws.stream(p.name());
      org.tokenomics.eval.Computer computer = Paths.isPath(dist.family())
          ? new SampledPath(dist.family(), args, dist.span(), index, stream)
          : new SampledDist(dist.family(), args, dist.span(), index);
      replaced.put(p.slot(), cell.withComputer(computer, cell.deps(), cell.series()));
    }
    return new Sampler(replaced.isEmpty() ? base : base.with(replaced), params, Copula.of(model.correlations(), params));
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

  /**
   * Fills {@code u} with sample {@code i}'s draws: independent per param, then mixed by the copula
   * of the {@code correlate} declarations (which needs one scratch value per param; {@code u} and
   * the frame's draws have room). Depends only on (seed, i), never on the thread.
   */
  public void draw(long seed, long i, double[] u) {
    for (UncertainParam p : params) {
      u[p.index()] = Draws.uniform(seed, i, p.stream());
    }
    if (copula != null) {
      copula.apply(u, scratch.get());
    }
  }

  /** True when the draws are mixed by a copula (correlated params). */
  boolean correlated() {
    return copula != null;
  }

  /** The copula's normal scores, per thread (a sample's draw must not allocate). */
  private final ThreadLocal<double[]> scratch;

  /**
   * The plan's cells that depend on no drawn param (nor on the sample, as a price path does): the
   * same in every sample, so a Monte Carlo worker computes them once and keeps them ({@code Frame.pin}).
   *
   * @param program the program
   * @param plan    the plan whose cells are asked about, dependencies first
   * @return the invariant cells' slots, in plan order
   */
  static int[] invariantSlots(Program program, Program.Plan plan) {
    boolean[] varying = new boolean[program.size()];
    int[] out = new int[plan.order().length];
    int n = 0;
    for (int s : plan.order()) { // dependencies come first
      org.tokenomics.eval.Cell cell = program.cell(s);
      boolean v = cell.computer() instanceof SampledDist || cell.computer() instanceof SampledPath;
      for (int d : cell.deps()) {
        v |= varying[d];
      }
      varying[s] = v;
      if (!v) {
        out[n++] = s;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

}
