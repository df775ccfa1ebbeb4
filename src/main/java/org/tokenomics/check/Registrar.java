package org.tokenomics.check;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.syntax.TokFile;
import org.tokenomics.time.Dates;
import org.tokenomics.time.Step;
import org.tokenomics.time.Timeline;
import org.tokenomics.units.Units;

/**
 * Enters every declaration of every file into the {@link Checker}: the timeline, units, kinds,
 * functions, then values and instances. Duplicates and shadowing are TOK201; kind errors are
 * TOK401–403.
 */
final class Registrar {
  private final Checker ck;
  private final Map<String, Span> defined = new HashMap<>();
  final Map<String, Decl.Scenario> scenarios = new LinkedHashMap<>();
  final Map<Decl.Scenario, SourceFile> scenarioFiles = new HashMap<>();
  final List<ReportDecl> reports = new java.util.ArrayList<>();
  final List<AssertDecl> asserts = new java.util.ArrayList<>();
  /** {@code correlate} declarations of every file, in order (checked once all cells are). */
  final List<Decl.Correlate> correlates = new java.util.ArrayList<>();

  /** A report declaration, its cell and the file it is in. */
  record ReportDecl(Decl.Report decl, CellSym cell, SourceFile file) {}

  /** An assertion and its cell. */
  record AssertDecl(Decl.Assert decl, CellSym cell) {}
  private final long maxPeriods;
  /** Names the model may declare: a family's members count, and are not made beyond it. */
  int maxNames = org.tokenomics.diag.DefaultLimits.MAX_NAMES;
  private Variants variants;

  Registrar(Checker ck, long maxPeriods) {
    this.ck = ck;
    this.maxPeriods = maxPeriods;
  }

  void register(List<TokFile> files, TokFile main) {
    register(files, main, Map.of());
  }

  /**
   * @param amended each variant file → the file it amends (LANGUAGE.md §19)
   */
  void register(List<TokFile> files, TokFile main, Map<SourceFile, SourceFile> amended) {
    variants = new Variants(files, main, amended);
    for (TokFile f : files) {
      if (f.decls().stream().anyMatch(d -> d instanceof Decl.Timeline)) {
        variants.declaresTimeline(f.source());
      }
    }
    SourceFile timelineFile = variants.timelineFile();
    for (TokFile f : files) {
      boolean inChain = variants.inMainChain(f.source());
      for (Decl d : f.decls()) {
        // A variant's timeline replaces the one of the file it amends.
        if (d instanceof Decl.Timeline t && (!inChain || f.source() == timelineFile)) {
          timeline(t, inChain);
        }
      }
    }
    for (TokFile f : files) {
      for (Decl d : f.decls()) {
        if (d instanceof Decl.Unit u) {
          unit(u, f.source());
        } else if (d instanceof Decl.Kind k) {
          kind(k, f.source());
        } else if (d instanceof Decl.Fn fn) {
          fn(fn, f.source());
        }
      }
    }
    for (TokFile f : files) {
      for (Decl d : f.decls()) {
        if (d instanceof Decl.Instance in && in.family() != null) {
          familyNames.add(in.name());
        }
      }
    }
    for (TokFile f : files) {
      for (Decl d : f.decls()) {
        value(d, f.source());
      }
    }
    FamilyReports.expand(ck, this, familyReports);
  }

  /** Names declared as families, known before any report is registered (a report may come first). */
  private final java.util.Set<String> familyNames = new java.util.HashSet<>();
  /** Reports of a family-wide value, expanded to one per member once every family is entered. */
  private final List<FamilyReports.Pending> familyReports = new java.util.ArrayList<>();

  private void timeline(Decl.Timeline t, boolean isMain) {
    if (!isMain) {
      ck.diags.error(Code.TOK201, t.span(), "an imported file may not declare a timeline", "declare the timeline in the main file only");
      return;
    }
    if (ck.timeline.declared()) {
      ck.diags.error(Code.TOK201, t.span(), "a model has at most one timeline", null);
      return;
    }
    Expr.Date s = t.start();
    Expr.Date e = t.end();
    if (!Dates.valid(s.year(), s.month(), s.day()) || !Dates.valid(e.year(), e.month(), e.day())) {
      ck.diags.error(Code.TOK302, t.span(), "the timeline needs real dates", "e.g. timeline 2026-01 to 2030-12 monthly");
      return;
    }
    double start = Dates.of(s.year(), s.month(), s.day());
    // The end names the last period: through the end of that year (bare year), month or day.
    boolean bareYear = e.span().end() - e.span().start() <= 4;
    double endExclusive;
    if (bareYear) {
      endExclusive = Dates.of(e.year() + 1, 1, 0);
    } else if (e.day() == 0) {
      endExclusive = Dates.of(e.year(), e.month(), 0) + Units.MONTH;
    } else {
      endExclusive = Dates.of(e.year(), e.month(), e.day()) + 1e-3;
    }
    Step step = Step.parse(t.step());
    long count = Timeline.count(start, endExclusive, step);
    if (count <= 0) {
      ck.diags.error(Code.TOK302, t.span(), "the timeline ends before it starts", null);
      return;
    }
    if (count > maxPeriods) {
      ck.diags.error(Code.TOK600, t.span(), "the timeline has " + count + " periods (limit: max periods " + maxPeriods + ")",
          "use a coarser step (quarterly or yearly) or a shorter span");
      return;
    }
    ck.timeline = Timeline.of(start, endExclusive, step);
  }

  private boolean claim(String name, Span span, String what) {
    if (Units.isBuiltIn(name) || ck.units.isUnit(name)) {
      ck.diags.error(Code.TOK201, span, "'" + name + "' is a unit and cannot name " + what, "choose another name");
      return false;
    }
    if (org.tokenomics.time.TimeVar.named(name) != null) {
      ck.diags.error(Code.TOK201, span, "'" + name + "' is a built-in series and cannot name " + what, "choose another name");
      return false;
    }
    Span previous = defined.get(name);
    if (previous != null && variants != null && variants.amends(span.file(), previous.file())) {
      ck.diags.error(Code.TOK201, span, Messages.notRedeclarable(name, previous.file()),
          Messages.redeclareHelp(previous.file() + ":" + previous.line()));
      return false;
    }
    if (previous != null) {
      ck.diags.error(Code.TOK201, span, "'" + name + "' is already defined",
          "first defined at " + previous.file() + ":" + previous.line());
      return false;
    }
    defined.put(name, span);
    return true;
  }

  private void unit(Decl.Unit u, SourceFile file) {
    if (ck.units.isUnit(u.name()) || defined.containsKey(u.name()) || org.tokenomics.time.TimeVar.named(u.name()) != null) {
      ck.diags.error(Code.TOK201, u.nameSpan(), "'" + u.name() + "' is already a unit or a name", "choose another unit name");
      return;
    }
    if (u.value() == null) {
      ck.units.declareBase(u.name());
      return;
    }
    Typed t = ck.exprs.check(u.value(), Ctx.top(file));
    if (t.isError()) {
      return;
    }
    Double constant = TExpr.constant(t.expr());
    if (!t.type().isNumber() || t.type().series() || constant == null) {
      ck.diags.error(Code.TOK302, u.value().span(), "a unit must be a constant quantity, e.g. unit rack = 72 GPU", null);
      return;
    }
    double factor = constant;
    if (!(factor > 0) || !Double.isFinite(factor)) {
      ck.diags.error(Code.TOK302, u.value().span(), "a unit must be a positive quantity", null);
      return;
    }
    ck.units.declareDerived(u.name(), factor, t.type().dim());
  }

  private void kind(Decl.Kind k, SourceFile file) {
    if (ck.kinds.containsKey(k.name())) {
      ck.diags.error(Code.TOK201, k.nameSpan(), "kind '" + k.name() + "' is already defined", null);
      return;
    }
    ck.kinds.put(k.name(), k);
    ck.kindFiles.put(k.name(), file);
    Map<String, Span> seen = new HashMap<>();
    for (Decl.Member m : k.members()) {
      if (seen.put(m.name(), m.nameSpan()) != null) {
        ck.diags.error(Code.TOK201, m.nameSpan(), "attribute '" + m.name() + "' is defined twice in kind " + k.name(), null);
      }
      if (m.type() != null) {
        ck.unitResolver.type(m.type(), ck.reporter(Ctx.top(file)));
      }
    }
  }

  private void fn(Decl.Fn fn, SourceFile file) {
    if (BuiltinFunctions.names().contains(fn.name())) {
      ck.diags.error(Code.TOK201, fn.nameSpan(), "'" + fn.name() + "' is a built-in function", "choose another name");
    } else if (ck.fns.containsKey(fn.name())) {
      ck.diags.error(Code.TOK201, fn.nameSpan(), "function '" + fn.name() + "' is already defined", null);
    } else {
      ck.fns.put(fn.name(), new Checker.FnDef(fn, file));
    }
  }

  private void value(Decl d, SourceFile file) {
    Ctx top = Ctx.top(file);
    if (d instanceof Decl.Param p && variants.superseded(p)) {
      return; // a variant declares this param again (LANGUAGE.md §19)
    } else if (d instanceof Decl.Param p && claim(p.name(), p.nameSpan(), "a param")) {
      // A redeclared param keeps its base's type and domain unless it writes its own.
      Decl.Param typeFrom = variants.typeFrom(p);
      Decl.Param domainFrom = variants.domainFrom(p);
      CellSym c = ck.newCell(p.name(), CellSym.Role.PARAM, p.nameSpan(), p.value(), typeFrom == null ? null : typeFrom.type(),
          top, false);
      c.domainDecl = domainFrom == null ? null : domainFrom.domain();
      if (typeFrom != null && typeFrom != p) {
        c.typeFile = variants.fileOf(typeFrom);
      }
      if (domainFrom != null && domainFrom != p) {
        c.domainCtx = Ctx.top(variants.fileOf(domainFrom));
      }
      ck.globals.put(p.name(), c);
    } else if (d instanceof Decl.Let l && claim(l.name(), l.nameSpan(), "a let")) {
      ck.globals.put(l.name(), ck.newCell(l.name(), CellSym.Role.LET, l.nameSpan(), l.value(), l.type(), top, false));
    } else if (d instanceof Decl.Solve s && claim(s.name(), s.nameSpan(), "a solve")) {
      CellSym c = ck.newCell(s.name(), CellSym.Role.SOLVE, s.nameSpan(), null, null, top, false);
      c.solve = s;
      ck.globals.put(s.name(), c);
    } else if (d instanceof Decl.Instance in) {
      instance(in, file);
    } else if (d instanceof Decl.Report r && FamilyReports.isFamilyWide(r, familyNames)) {
      familyReports.add(new FamilyReports.Pending(r, file, reports.size()));
    } else if (d instanceof Decl.Report r) {
      CellSym c = ck.newCell("report " + r.label(), CellSym.Role.REPORT, r.value().span(), r.value(), null, top, false);
      reports.add(new ReportDecl(r, c, file));
      // `report NAME = EXPR` also declares NAME (LANGUAGE.md §4, v2); an unnamed report declares nothing.
      // Decision: a report named like a unit or a built-in series (`report s = …`, fine in v1) stays a
      // report but declares nothing, since a bare `s` must keep meaning seconds.
      String name = r.name();
      boolean shadows = name != null && (Units.isBuiltIn(name) || ck.units.isUnit(name)
          || org.tokenomics.time.TimeVar.named(name) != null);
      if (name != null && !shadows && claim(name, r.nameSpan(), "a report")) {
        ck.globals.put(name, c);
      }
    } else if (d instanceof Decl.Assert a) {
      CellSym c = ck.newCell("assert@" + a.span().line(), CellSym.Role.ASSERT, a.cond().span(), a.cond(), null, top, false);
      asserts.add(new AssertDecl(a, c));
    } else if (d instanceof Decl.Correlate c) {
      correlates.add(c);
    } else if (d instanceof Decl.Scenario s) {
      if (scenarios.containsKey(s.name()) || s.name().equals("base") || s.name().equals("all")) {
        ck.diags.error(Code.TOK201, s.nameSpan(), "scenario '" + s.name() + "' is already defined"
            + (s.name().equals("base") || s.name().equals("all") ? " (it is reserved)" : ""), null);
      } else {
        scenarios.put(s.name(), s);
        scenarioFiles.put(s, file);
      }
    }
  }

  private void instance(Decl.Instance in, SourceFile file) {
    Decl.Kind kind = ck.kinds.get(in.kind());
    if (kind == null) {
      String near = Suggest.closest(in.kind(), ck.kinds.keySet());
      ck.diags.error(Code.TOK200, in.kindSpan(), "unknown kind '" + in.kind() + "'",
          near == null ? "the kinds: " + String.join(", ", ck.kinds.keySet()) : "did you mean " + near + "?");
      return;
    }
    if (!claim(in.name(), in.nameSpan(), in.family() != null ? "a family" : "an instance")) {
      return;
    }
    if (in.family() != null) {
      Families.register(ck, this, in, kind, file);
      return;
    }
    InstanceSym inst = new InstanceSym(in.name(), kind, in);
    ck.globals.put(in.name(), inst);
    attributes(inst, in, kind, file, Map.of(), true);
  }

  /**
   * One cell per attribute of {@code inst}: the block's value or the kind's default. A family's
   * member sees its key as {@code key}; its block's errors are reported for one member only.
   */
  void attributes(InstanceSym inst, Decl.Instance in, Decl.Kind kind, SourceFile file,
                  Map<String, Typed> key, boolean report) {
    Map<String, Decl.Assign> sets = new LinkedHashMap<>();
    Map<String, Decl.Member> members = new LinkedHashMap<>();
    kind.members().forEach(m -> members.putIfAbsent(m.name(), m));
    for (Decl.Assign a : in.sets()) {
      Decl.Member m = members.get(a.target());
      if (m == null) {
        if (!report) {
          continue;
        }
        String near = Suggest.closest(a.target(), members.keySet());
        ck.diags.error(Code.TOK402, a.targetSpan(), kind.name() + " has no attribute '" + a.target() + "'",
            near != null ? "did you mean " + near + "?" : "its attributes: " + String.join(", ", members.keySet()));
      } else if (!m.isParam()) {
        if (!report) {
          continue;
        }
        ck.diags.error(Code.TOK403, a.targetSpan(), "cannot set " + a.target() + ": it is derived in kind " + kind.name(),
            "only params can be set; " + a.target() + " is computed from the others");
      } else if (sets.containsKey(a.target())) {
        if (report) {
          ck.diags.error(Code.TOK201, a.targetSpan(), a.target() + " is set twice", null);
        }
      } else {
        sets.put(a.target(), a);
      }
    }
    SourceFile kindFile = ck.kindFiles.get(kind.name());
    for (Decl.Member m : members.values()) {
      String name = inst.name() + "." + m.name();
      Decl.Assign set = sets.get(m.name());
      CellSym.Role role = m.isParam() ? CellSym.Role.ATTR_PARAM : CellSym.Role.ATTR_LET;
      CellSym cell;
      if (set != null) {
        Ctx ctx = key.isEmpty() ? Ctx.in(file, inst, null, null) : new Ctx(file, inst, key, List.of(), null, null);
        cell = ck.newCell(name, role, set.targetSpan(), set.value(), m.type(), ctx, false);
      } else {
        if (m.value() == null && report) {
          String type = m.type() == null ? "" : " (" + kindFile.slice(m.type().span()).strip() + ")";
          ck.diags.error(Code.TOK401, in.nameSpan(), kind.name() + " " + in.name() + " needs " + m.name() + type,
              "set it in the block: " + m.name() + " = …");
        }
        Ctx ctx = Ctx.in(kindFile, inst, in.nameSpan(), kind.name() + " " + inst.name() + ", attribute " + m.name());
        cell = ck.newCell(name, role, m.nameSpan(), m.value(), m.type(), ctx, true);
      }
      inst.attrs.put(m.name(), cell);
    }
  }
}
