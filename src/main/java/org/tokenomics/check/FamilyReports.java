package org.tokenomics.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.SourceFile;

/**
 * A report of a family-wide value ({@code report spent = vintage.cash}) shows one row per member,
 * named {@code REPORT[KEY]} (LANGUAGE.md §15): it becomes one report per member, its expression
 * checked with the family's name bound to that member.
 */
final class FamilyReports {
  private FamilyReports() {}

  /** A family-wide report and where it goes among the reports. */
  record Pending(Decl.Report decl, SourceFile file, int position) {}

  /** Does the report read a family as a whole (outside {@code total} and {@code NAME[KEY]})? */
  static boolean isFamilyWide(Decl.Report r, Set<String> families) {
    return !families.isEmpty() && !Totals.wideNames(r.value(), families).isEmpty();
  }

  /** Enters the members' reports, in place of each pending report, keeping the declared order. */
  static void expand(Checker ck, Registrar reg, List<Pending> pending) {
    for (int p = pending.size() - 1; p >= 0; p--) {
      Pending one = pending.get(p);
      Decl.Report r = one.decl();
      Set<String> names = Totals.wideNames(r.value(), familyNames(ck));
      if (names.isEmpty()) {
        // the family it names did not register (e.g. its name was taken): an ordinary report, checked as one
        CellSym c = ck.newCell("report " + r.label(), CellSym.Role.REPORT, r.value().span(), r.value(), null,
            Ctx.top(one.file()), false);
        reg.reports.add(one.position(), new Registrar.ReportDecl(r, c, one.file()));
        continue;
      }
      if (names.size() != 1) {
        List<String> two = new java.util.ArrayList<>(names);
        ck.diags.error(Code.TOK302, r.value().span(), "a report shows the members of one family; this one reads "
            + two.get(0) + " and " + two.get(1), FamilyMessages.totalMixesHelp(two.get(0), two.get(1)));
        continue;
      }
      String name = names.iterator().next();
      if (!(ck.globals.get(name) instanceof FamilySym f)) {
        continue; // the family did not register (its error is reported)
      }
      List<Registrar.ReportDecl> rows = new java.util.ArrayList<>();
      for (int i = 0; i < f.members.size(); i++) {
        InstanceSym member = f.members.get(i);
        String label = Families.memberName(r.label(), f.labels().get(i));
        Map<String, Typed> bound = new HashMap<>();
        bound.put(name, new Typed(null, Type.instance(member)));
        Ctx ctx = new Ctx(one.file(), null, bound, List.of(), null, null);
        Decl.Report row = new Decl.Report(r.name(), label, r.value(), r.as(), r.asText(), r.span());
        CellSym c = ck.newCell("report " + label, CellSym.Role.REPORT, r.value().span(), r.value(), null, ctx, false);
        rows.add(new Registrar.ReportDecl(row, c, one.file()));
      }
      reg.reports.addAll(one.position(), rows);
    }
  }

  private static Set<String> familyNames(Checker ck) {
    Set<String> out = new java.util.HashSet<>();
    ck.globals.forEach((k, v) -> {
      if (v instanceof FamilySym) {
        out.add(k);
      }
    });
    return out;
  }
}
