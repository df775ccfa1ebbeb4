package org.tokenomics.check;

/** The wording of every diagnostic about families of instances and {@code total} (LANGUAGE.md §15). */
final class FamilyMessages {
  private FamilyMessages() {}

  static String notAMember(FamilySym f, String key) {
    return key + " is not a member of " + f.name() + " (" + f.rangeText() + ")";
  }

  static String membersHelp(FamilySym f) {
    return "its members: " + f.name() + "[" + f.labels().get(0) + "] to " + f.name() + "["
        + f.labels().get(f.labels().size() - 1) + "]";
  }

  static String familyWide(FamilySym f, String used) {
    return used + " is a value of every member of " + f.name() + " (" + f.members.size() + " " + f.kind().name()
        + "s), not one value";
  }

  static String familyWideHelp(FamilySym f, String attr) {
    String a = attr == null ? ".cash" : "." + attr;
    return "sum it with total(" + f.name() + a + "), or pick one member: " + f.name() + "[" + f.labels().get(0) + "]" + a;
  }

  static String keyNotConstant(FamilySym f) {
    return "a member of " + f.name() + " is picked by a constant key, e.g. " + f.name() + "[" + f.labels().get(0) + "]";
  }

  static String keyWrongType(FamilySym f, String found) {
    return f.name() + " is keyed by " + (f.dates() ? "dates" : "whole numbers") + ", found " + found;
  }

  static String tooMany(long count, int limit) {
    return "the family has " + count + " members (limit: max family members " + limit + ")";
  }

  static final String TOO_MANY_HELP = "use a coarser step or a shorter range";

  static String rangeEmpty() {
    return "the family's range ends before it starts";
  }

  static String rangeNeedsDates(String step) {
    return "a " + step + " range runs over dates, e.g. 2026 to 2030 yearly or 2027-01 to 2027-12 monthly";
  }

  static String rangeNeedsWholeNumbers() {
    return "a range without a step runs over whole numbers, e.g. 1 to 5";
  }

  static final String RANGE_STEP_HELP = "give dates a step (yearly, quarterly or monthly), or use whole numbers: 1 to 5";

  static String totalArgs() {
    return "total takes one expression over a family or a kind, e.g. total(vintage.cash)";
  }

  static String totalOfNothing(String text) {
    return "total(" + text + ") reads no family and no kind: there is nothing to add up";
  }

  static final String TOTAL_NOTHING_HELP = "name a family or a kind inside it, e.g. total(vintage.cash) or total(rental.cash)";

  static String totalMixes(String a, String b) {
    return "total mixes two families: " + a + " and " + b;
  }

  static String totalMixesHelp(String a, String b) {
    return "add two totals instead: total(" + a + "…) + total(" + b + "…)";
  }

  static String totalNoInstances(String kind) {
    return "there is no " + kind + " to add up: the model declares no instance of kind " + kind;
  }

  static String totalNotNumber(String found) {
    return "total adds up quantities, found " + found;
  }

  static String varShadows(String var) {
    return "'" + var + "' cannot name a family's key: it is already a name of the kind's attributes or a built-in";
  }
}
