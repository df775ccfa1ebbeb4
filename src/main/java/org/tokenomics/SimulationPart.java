package org.tokenomics;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.mc.Partial;

/**
 * A Monte Carlo run over some ranges of samples (EMBEDDING.md §10–§11): made by
 * {@link Model#simulatePart}, combined with {@link #merge} in any grouping and order, and turned
 * into exactly the {@link Simulation} of one run over samples {@code 0..n-1} by
 * {@link Simulation#merge}. That is how a run is spread over machines (issue 21: Apache Spark):
 * each worker compiles the model, simulates its ranges and ships its part; any tree of merges
 * gives, bit for bit, what one machine would have found.
 *
 * <pre>{@code
 * SimulationPart a = model.simulatePart(Scenario.BASE, Map.of(), 0, 50_000, 42L, SimulationOptions.DEFAULT);
 * SimulationPart b = model.simulatePart(Scenario.BASE, Map.of(), 50_000, 50_000, 42L, SimulationOptions.DEFAULT);
 * Simulation all = Simulation.merge(model, List.of(b, a));   // = model.simulate(100_000, 42L)
 * }</pre>
 *
 * <p>A part keeps every report value of its samples (8 bytes × samples × report values, as a run
 * that keeps exact quantiles does), because only values fed in sample order reproduce the whole
 * run's compensated sums. It is {@link Serializable} (plain arrays, strings and the errors met) and
 * immutable; it records the scenario, the overrides, the seed and a digest of the model's sources,
 * so parts of different runs are refused rather than mixed.
 */
public final class SimulationPart implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A digest of the model's sources: parts of another model are refused. */
  private final String model;
  /** The scenario simulated ({@code base} without one). */
  private final String scenario;
  /** The overrides on top of the scenario, sorted by name. */
  private final Map<String, String> overrides;
  /** The seed of the run. */
  private final long seed;
  /** Disjoint runs over ranges of samples, by first sample; adjacent ranges are joined. */
  private final List<Partial> ranges;

  private SimulationPart(String model, String scenario, Map<String, String> overrides, long seed, List<Partial> ranges) {
    this.model = model;
    this.scenario = scenario;
    this.overrides = java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    this.seed = seed;
    this.ranges = List.copyOf(ranges);
  }

  static SimulationPart of(CompiledModel model, String scenario, Map<String, String> overrides, Partial run) {
    return new SimulationPart(digest(model), scenario, overrides, run.seed(), List.of(run));
  }

  /**
   * The scenario simulated ({@code base} without one).
   *
   * @return the scenario's name
   */
  public String scenario() {
    return scenario;
  }

  /**
   * The overrides the run was made with (param name → Tok expression).
   *
   * @return the overrides, sorted by name
   */
  public Map<String, String> overrides() {
    return overrides;
  }

  /**
   * The seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * How many samples the part holds.
   *
   * @return the samples over all its ranges
   */
  public long samples() {
    return ranges.stream().mapToLong(Partial::count).sum();
  }

  /**
   * The ranges of samples it holds, as {@code [first, end)} pairs in order.
   *
   * @return one {@code {first, end}} pair per range, adjacent ranges joined
   */
  public List<long[]> ranges() {
    return ranges.stream().map(p -> new long[] {p.first(), p.first() + p.count()}).toList();
  }

  /**
   * This part and {@code other} together: the same run (model, scenario, overrides, seed), with
   * ranges that do not overlap. Merging is associative and commutative, so parts may be combined
   * in any grouping (a Spark {@code reduce}).
   *
   * @param other another part of the same run
   * @return a part holding both parts' samples
   * @throws IllegalArgumentException when the parts belong to different runs or share samples
   */
  public SimulationPart merge(SimulationPart other) {
    sameRun(other);
    List<Partial> all = new ArrayList<>(ranges);
    all.addAll(other.ranges);
    all.sort(Comparator.comparingLong(Partial::first));
    List<Partial> joined = new ArrayList<>();
    for (Partial p : all) {
      Partial last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
      if (last != null && p.first() < last.first() + last.count()) {
        throw new IllegalArgumentException("the parts overlap: both hold sample " + p.first());
      }
      if (last != null && p.first() == last.first() + last.count()
          && (long) last.count() + p.count() <= Integer.MAX_VALUE) {
        joined.set(joined.size() - 1, last.then(p));
      } else {
        joined.add(p);
      }
    }
    return new SimulationPart(model, scenario, overrides, seed, joined);
  }

  private void sameRun(SimulationPart other) {
    if (!model.equals(other.model)) {
      throw new IllegalArgumentException("the parts come from different models (their sources differ)");
    }
    if (!scenario.equals(other.scenario) || !overrides.equals(other.overrides) || seed != other.seed) {
      throw new IllegalArgumentException("the parts come from different runs: scenario " + scenario + ", overrides "
          + overrides + ", seed " + seed + " against scenario " + other.scenario + ", overrides " + other.overrides
          + ", seed " + other.seed);
    }
  }

  /** Every part merged; IllegalArgumentException for none. */
  static SimulationPart mergeAll(Collection<SimulationPart> parts) {
    SimulationPart all = null;
    for (SimulationPart p : parts) {
      all = all == null ? p : all.merge(p);
    }
    if (all == null) {
      throw new IllegalArgumentException("no parts to merge");
    }
    return all;
  }

  /** The one range {@code [0, n)} a whole run needs; IllegalArgumentException naming the first gap. */
  Partial whole() {
    Partial first = ranges.get(0);
    if (first.first() != 0 || ranges.size() > 1) {
      long gap = first.first() != 0 ? 0 : first.first() + first.count();
      throw new IllegalArgumentException("the parts do not cover samples 0.." + (ranges.get(ranges.size() - 1).first()
          + ranges.get(ranges.size() - 1).count() - 1) + " without gaps: sample " + gap + " is missing");
    }
    return first;
  }

  /** Checks that this part was made from {@code compiled}. */
  void requireModel(CompiledModel compiled) {
    if (!model.equals(digest(compiled))) {
      throw new IllegalArgumentException("the parts were simulated from another model (its sources differ)");
    }
  }

  /** A digest of the sources' texts (not their paths, which differ between machines). */
  static String digest(CompiledModel model) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      model.sources().values().stream().map(org.tokenomics.syntax.SourceFile::text).sorted().forEach(t -> {
        md.update(t.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      });
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "SimulationPart[" + scenario + ", seed " + seed + ", " + samples() + " samples in " + ranges.size()
        + " range(s)]";
  }
}
