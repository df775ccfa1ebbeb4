package org.tokenomics.check;

import java.util.List;
import org.tokenomics.syntax.Decl;

/**
 * A family of instances (LANGUAGE.md §15): {@code KIND NAME[VAR in RANGE] { … }}. Each member is an
 * ordinary {@link InstanceSym} named {@code NAME[KEY]} (also entered in the symbol table under that
 * name, so overrides, sweeps and Monte Carlo see its params as {@code NAME[KEY].attr}); the family
 * itself is only a way to reach them: one member by key, or all of them inside {@code total(…)}.
 */
public final class FamilySym implements Symbol {
  private final String name;
  private final Decl.Kind kind;
  private final Decl.Instance decl;
  private final boolean dates;
  private final double[] keys;
  private final List<String> labels;
  final List<InstanceSym> members;

  FamilySym(String name, Decl.Kind kind, Decl.Instance decl, boolean dates, double[] keys, List<String> labels,
            List<InstanceSym> members) {
    this.name = name;
    this.kind = kind;
    this.decl = decl;
    this.dates = dates;
    this.keys = keys.clone();
    this.labels = List.copyOf(labels);
    this.members = members;
  }

  @Override
  public String name() {
    return name;
  }

  /** @return the kind of every member */
  public Decl.Kind kind() {
    return kind;
  }

  /** @return the declaration, with its range */
  public Decl.Instance decl() {
    return decl;
  }

  /** @return true when the keys are dates (model time), false for whole numbers */
  public boolean dates() {
    return dates;
  }

  /** @return the members' keys as labels, in order ({@code 2026}, {@code 2027-03}, {@code 4} …) */
  public List<String> labels() {
    return labels;
  }

  /** @return the members, in key order */
  public List<InstanceSym> members() {
    return java.util.Collections.unmodifiableList(members);
  }

  /** @return the key of member {@code i}: model time for dates, else the number */
  public double key(int i) {
    return keys[i];
  }

  /**
   * The member whose key is {@code key}, or -1.
   *
   * @param key model time (date keys) or a whole number
   * @return the member's index, or -1 when no member has that key
   */
  public int indexOf(double key) {
    for (int i = 0; i < keys.length; i++) {
      if (Math.abs(keys[i] - key) <= 1e-6 * Math.max(1, Math.abs(key))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The keys a family declaration gives its members, as in their names, without checking a model
   * (the language server completes {@code NAME[} with them while the text does not parse).
   *
   * @param family a family's range as written
   * @return the keys in order ({@code 2026}, {@code 2027-03}, {@code 4} …); empty when the range is not valid
   */
  public static List<String> keys(Decl.Family family) {
    return Families.labels(family);
  }

  /** @return the range as written, for messages: {@code 2026 to 2028 yearly} */
  public String rangeText() {
    String first = labels.get(0);
    String last = labels.get(labels.size() - 1);
    Decl.Family f = decl.family();
    return first + " to " + last + (f.step() == null ? "" : " " + f.step());
  }
}
