package org.tokenomics.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.DefaultLimits;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.time.Dates;
import org.tokenomics.time.Step;
import org.tokenomics.time.Timeline;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.Units;

/**
 * Families of instances (LANGUAGE.md §15): entering a family's members into the symbol table, and
 * finding one member by its key. Each member is an ordinary instance named {@code NAME[KEY]}, so
 * everything that works on instances (overrides, sweeps, Monte Carlo, explain) works on members.
 */
final class Families {
  private Families() {}

  /** The members' keys and labels, or null after reporting a bad range. */
  private record Range(boolean dates, double[] keys, List<String> labels) {}

  /**
   * Enters family {@code in} (its name already claimed): one instance per member, its block checked
   * with VAR bound to the member's key. Errors in the block are reported once, for the first member.
   */
  static void register(Checker ck, Registrar reg, Decl.Instance in, Decl.Kind kind, SourceFile file) {
    Decl.Family f = in.family();
    Range range = range(ck, f);
    if (range != null && (long) ck.globals.size() + range.keys().length > reg.maxNames) {
      ck.diags.error(Code.TOK600, f.span(), "with its " + range.keys().length + " members the model would declare more than "
          + reg.maxNames + " names (limit: max names " + reg.maxNames + ")", "declare fewer or smaller families");
      range = null;
    }
    boolean shadows = kind.members().stream().anyMatch(m -> m.name().equals(f.var()))
        || org.tokenomics.time.TimeVar.named(f.var()) != null || Units.isBuiltIn(f.var());
    if (range != null && shadows) {
      ck.diags.error(Code.TOK201, f.varSpan(), FamilyMessages.varShadows(f.var()), "choose another name, e.g. k");
    }
    if (range == null || shadows) {
      // A family without members: uses of it are errors already reported here, not again.
      ck.globals.put(in.name(), new FamilySym(in.name(), kind, in, false, new double[0], List.of(), new ArrayList<>()));
      return;
    }
    List<InstanceSym> members = new ArrayList<>();
    FamilySym fam = new FamilySym(in.name(), kind, in, range.dates(), range.keys(), range.labels(), members);
    ck.globals.put(in.name(), fam);
    Type keyType = range.dates() ? Type.date(false) : Type.number(Dimension.NONE, false);
    for (int i = 0; i < range.keys().length; i++) {
      InstanceSym inst = new InstanceSym(memberName(in.name(), range.labels().get(i)), kind, in);
      members.add(inst);
      ck.globals.put(inst.name(), inst);
      Map<String, Typed> key = new HashMap<>();
      key.put(f.var(), Typed.lit(range.keys()[i], keyType, f.varSpan()));
      reg.attributes(inst, in, kind, file, key, i == 0);
    }
  }

  static String memberName(String family, String label) {
    return family + "[" + label + "]";
  }

  private static Range range(Checker ck, Decl.Family f) {
    if (f.step() == null) {
      Long a = whole(f.start());
      Long b = whole(f.end());
      if (a == null || b == null) {
        error(ck, Code.TOK302, f.span(), FamilyMessages.rangeNeedsWholeNumbers(), FamilyMessages.RANGE_STEP_HELP);
        return null;
      }
      long count = b - a + 1;
      if (!counted(ck, f, count)) {
        return null;
      }
      double[] keys = new double[(int) count];
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        keys[i] = a + i;
        labels.add(Long.toString(a + i));
      }
      return new Range(false, keys, labels);
    }
    Expr.Date s = date(f.start());
    Expr.Date e = date(f.end());
    if (s == null || e == null || !Dates.valid(s.year(), s.month(), s.day()) || !Dates.valid(e.year(), e.month(), e.day())) {
      error(ck, Code.TOK302, f.span(), FamilyMessages.rangeNeedsDates(f.step()), FamilyMessages.RANGE_STEP_HELP);
      return null;
    }
    Step step = Step.parse(f.step());
    double start = Dates.of(s.year(), s.month(), s.day());
    // As in the timeline header, the end names the last member: through the end of that year or month.
    double endExclusive = f.end() instanceof Expr.Num ? Dates.of(e.year() + 1, 1, 0)
        : e.day() == 0 ? Dates.of(e.year(), e.month(), 0) + Units.MONTH : Dates.of(e.year(), e.month(), e.day()) + 1e-3;
    long count = Timeline.count(start, endExclusive, step);
    if (!counted(ck, f, count)) {
      return null;
    }
    Timeline members = Timeline.of(start, endExclusive, step);
    double[] keys = new double[members.size()];
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = members.start(i);
      labels.add(step == Step.YEARLY && Dates.month(keys[i]) == 1 && Dates.format(keys[i]).length() == 7
          ? Integer.toString(Dates.year(keys[i])) : Dates.format(keys[i]));
    }
    return new Range(true, keys, labels);
  }

  private static boolean counted(Checker ck, Decl.Family f, long count) {
    if (count <= 0) {
      error(ck, Code.TOK302, f.span(), FamilyMessages.rangeEmpty(), null);
      return false;
    }
    if (count > DefaultLimits.MAX_FAMILY_MEMBERS) {
      error(ck, Code.TOK600, f.span(), FamilyMessages.tooMany(count, DefaultLimits.MAX_FAMILY_MEMBERS),
          FamilyMessages.TOO_MANY_HELP);
      return false;
    }
    return true;
  }

  /** Reports a range's error; a null checker (the language server reading keys) reports nothing. */
  private static void error(Checker ck, Code code, org.tokenomics.syntax.Span span, String message, String help) {
    if (ck != null) {
      ck.diags.error(code, span, message, help);
    }
  }

  /** The members' keys as written in their names ({@code 2026}, {@code 2027-03}, {@code 4}); empty for a bad range. */
  static List<String> labels(Decl.Family f) {
    Range r = range(null, f);
    return r == null ? List.of() : r.labels();
  }

  private static Long whole(Expr e) {
    if (e instanceof Expr.Num n && n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15) {
      return (long) n.value();
    }
    return null;
  }

  /** A date end as written, or a bare year as its first month. */
  private static Expr.Date date(Expr e) {
    if (e instanceof Expr.Date d) {
      return d;
    }
    Long y = whole(e);
    return y == null || y < 1 || y > 9999 ? null : new Expr.Date((int) (long) y, 1, 0, e.span());
  }

  // ---- reading a family ---------------------------------------------------------------------

  /** The family {@code e} names, when it is a bare name not hidden by a local name; else null. */
  static FamilySym named(Checker ck, Expr e, Ctx ctx) {
    if (!(e instanceof Expr.Name n) || ctx.fnArgs().containsKey(n.name())
        || (ctx.self() != null && ctx.self().attrs.containsKey(n.name()))) {
      return null;
    }
    return ck.globals.get(n.name()) instanceof FamilySym f ? f : null;
  }

  /** {@code NAME[KEY]}: the member, as an instance value; TOK302 when the key is not a member. */
  static Typed member(Checker ck, ExprChecker ex, FamilySym f, Expr.Index i, Ctx ctx) {
    if (f.members.isEmpty()) {
      return Typed.ERROR; // its declaration's error is reported
    }
    Typed k = ex.check(i.index(), ctx);
    if (k.isError()) {
      return Typed.ERROR;
    }
    Double value = k.expr() == null ? null : TExpr.constant(k.expr());
    if (value == null || k.type().series()) {
      ck.error(ctx, Code.TOK302, i.index().span(), FamilyMessages.keyNotConstant(f), FamilyMessages.membersHelp(f));
      return Typed.ERROR;
    }
    double key;
    if (f.dates() && k.type().tag() == Type.Tag.DATE) {
      key = value;
    } else if (f.dates() && k.type().isNumber() && k.type().dim().isNone() && value == Math.rint(value)
        && value >= 1 && value <= 9999) {
      key = Dates.of((int) (double) value, 1, 0); // a bare whole number is a year when the keys are dates
    } else if (!f.dates() && k.type().isNumber() && k.type().dim().isNone()) {
      key = value;
    } else {
      ck.error(ctx, Code.TOK302, i.index().span(), FamilyMessages.keyWrongType(f, k.type().describe()),
          FamilyMessages.membersHelp(f));
      return Typed.ERROR;
    }
    int at = f.indexOf(key);
    if (at < 0) {
      String text = i.index().span() == null ? String.valueOf(value) : ctx.file().slice(i.index().span()).strip();
      ck.error(ctx, Code.TOK302, i.index().span(), FamilyMessages.notAMember(f, text), FamilyMessages.membersHelp(f));
      return Typed.ERROR;
    }
    return new Typed(null, Type.instance(f.members.get(at)));
  }

  /**
   * The canonical name of the member an override target names ({@code vintage[2026-01]} is
   * {@code vintage[2026]}), or null when {@code head} is not {@code NAME[KEY]} of a family.
   * Returns the empty string when the key is not a member (after reporting it).
   */
  static String targetMember(Checker ck, String head, org.tokenomics.syntax.Span span, Ctx ctx) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[\\s*(-?[0-9][0-9_.eE+]*|\\d{4}-\\d{2}(?:-\\d{2})?)\\s*\\]")
        .matcher(head);
    if (!m.matches() || !(ck.globals.get(m.group(1)) instanceof FamilySym f)) {
      return null;
    }
    if (f.members.isEmpty()) {
      return "";
    }
    String text = m.group(2);
    double key;
    try {
      if (text.matches("\\d{4}-\\d{2}(?:-\\d{2})?")) {
        int y = Integer.parseInt(text.substring(0, 4));
        int mo = Integer.parseInt(text.substring(5, 7));
        int d = text.length() > 7 ? Integer.parseInt(text.substring(8)) : 0;
        key = f.dates() && Dates.valid(y, mo, d) ? Dates.of(y, mo, d) : Double.NaN;
      } else {
        double v = Double.parseDouble(text.replace("_", ""));
        key = f.dates() ? (v == Math.rint(v) && v >= 1 && v <= 9999 ? Dates.of((int) v, 1, 0) : Double.NaN) : v;
      }
    } catch (NumberFormatException e) {
      key = Double.NaN;
    }
    int at = Double.isNaN(key) ? -1 : f.indexOf(key);
    if (at < 0) {
      ck.error(ctx, Code.TOK302, span, FamilyMessages.notAMember(f, text), FamilyMessages.membersHelp(f));
      return "";
    }
    return f.members.get(at).name();
  }
}
