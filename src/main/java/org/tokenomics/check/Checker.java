package org.tokenomics.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.time.Timeline;
import org.tokenomics.units.Units;

/**
 * The symbol table of one compilation and the lazy checking of its cells: a cell is checked
 * when first needed, so dependencies are typed before their users and a cycle is found where it
 * closes. Expressions themselves are checked by {@link ExprChecker}. A checker is a phase object:
 * what outlives it is {@link #freeze()}'s read-only result, never the checker itself.
 */
public final class Checker {
  final Diagnostics diags;
  final Units units;
  final Map<String, Decl.Kind> kinds;
  final Map<String, SourceFile> kindFiles;
  final Map<String, FnDef> fns;
  final Map<String, Symbol> globals;
  final List<CellSym> cells;
  final UnitResolver unitResolver;
  final DisplayUnits display;
  final ExprChecker exprs;
  Timeline timeline = Timeline.none();
  /** Java-implemented functions from plugins, by name. */
  Map<String, org.tokenomics.spi.TokFunction> pluginFunctions = Map.of();
  /** The data files csv calls read (none for an override's checker: files are read when the model compiles). */
  DataFiles data = DataFiles.NONE;
  /** How deep user functions may call each other (TOK600 beyond, at the call): a counted limit. */
  static final int MAX_FUNCTION_DEPTH = 64;
  /** Every this many levels of nested function bodies, a body's result is a cell of its own. */
  static final int CELL_EVERY_FUNCTION_LEVELS = 4;
  /** Function calls inlined by this checker, and the budget (TOK600 beyond it). */
  int inlined;
  int maxInlined = 100_000;
  /** Delayed references ({@code prev}, {@code lag}) not yet verified against the cells they read ({@link PrevUnits#verify}). */
  final List<Prevs.Use> prevUses = new ArrayList<>();
  /** Unit variables of delayed references solved so far, and how many were made (their names). */
  final Map<String, org.tokenomics.units.Dimension> prevSolutions = new HashMap<>();
  int prevVariables;
  /** Set when an error was left to {@link PrevUnits#verify} because a prev's unit was not known. */
  boolean prevSilenced;

  /** The bindings {@code total(…)} made of a family or kind name to one member: a nested total sees through them. */
  final Set<Typed> totalBindings = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** Totals that depend on no enclosing total's member, checked once (a hidden cell) however often they are nested. */
  final Map<Object, Typed> totals = new HashMap<>();

  /** The cells being checked, innermost first: where a cycle closes. */
  private final Deque<CellSym> stack = new ArrayDeque<>();
  private final Set<String> reportedCycles = new HashSet<>();
  private final Set<CellSym> inCycle = new HashSet<>();

  /** A user function and the file it is written in. */
  record FnDef(Decl.Fn decl, SourceFile file) {}

  /**
   * What a finished check leaves behind, read-only: the symbol table and every checked cell.
   * Overrides are checked against it by a checker of their own ({@link #against}).
   */
  record Frozen(Map<String, Decl.Kind> kinds, Map<String, SourceFile> kindFiles, Map<String, FnDef> fns,
                Map<String, Symbol> globals, List<CellSym> cells, Timeline timeline, Units units,
                Map<String, org.tokenomics.spi.TokFunction> pluginFunctions) {}

  public Checker(Diagnostics diags, Units units) {
    this(diags, units, new LinkedHashMap<>(), new HashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
        new ArrayList<>());
  }

  private Checker(Diagnostics diags, Units units, Map<String, Decl.Kind> kinds, Map<String, SourceFile> kindFiles,
                  Map<String, FnDef> fns, Map<String, Symbol> globals, List<CellSym> cells) {
    this.diags = diags;
    this.units = units;
    this.kinds = kinds;
    this.kindFiles = kindFiles;
    this.fns = fns;
    this.globals = globals;
    this.cells = cells;
    this.unitResolver = new UnitResolver(units, kinds);
    this.display = new DisplayUnits(units);
    this.exprs = new ExprChecker(this);
  }

  /** The read-only result of this (finished) check. */
  Frozen freeze() {
    return new Frozen(Collections.unmodifiableMap(kinds), Collections.unmodifiableMap(kindFiles),
        Collections.unmodifiableMap(fns), Collections.unmodifiableMap(globals), List.copyOf(cells), timeline, units,
        pluginFunctions);
  }

  /**
   * A checker for one override of a frozen model: it reads the model's symbols and cells (all
   * checked, never changed) and appends its own hidden cells after them, with its own diagnostics
   * and its own function-expansion budget. Nothing it does is seen by the model or by other overrides.
   */
  static Checker against(Frozen model, Diagnostics diags) {
    Checker ck = new Checker(diags, model.units(), model.kinds(), model.kindFiles(), model.fns(), model.globals(),
        new ArrayList<>(model.cells()));
    ck.timeline = model.timeline();
    ck.pluginFunctions = model.pluginFunctions();
    return ck;
  }

  // ---- reporting ----------------------------------------------------------------------------

  /** Reports an error; inside a library default it is shown at the user's line instead. */
  void error(Ctx ctx, Code code, Span span, String message, String help, String label) {
    if (ctx != null && ctx.anchor() != null && ctx.file() != null && ctx.file().isLibrary()) {
      diags.error(code, ctx.anchor(), ctx.anchorWhat() + ": " + message, help, null);
    } else {
      diags.error(code, span, message, help, label);
    }
  }

  void error(Ctx ctx, Code code, Span span, String message, String help) {
    error(ctx, code, span, message, help, null);
  }

  UnitResolver.Reporter reporter(Ctx ctx) {
    return (code, span, message, help) -> error(ctx, code, span, message, help);
  }

  // ---- cells --------------------------------------------------------------------------------

  CellSym newCell(String name, CellSym.Role role, Span nameSpan, Expr expr, org.tokenomics.syntax.UnitExpr declared,
                  Ctx ctx, boolean defaulted) {
    CellSym c = new CellSym(name, role, nameSpan, expr, declared, ctx, cells.size(), defaulted);
    cells.add(c);
    return c;
  }

  /**
   * A hidden cell whose value is {@code value} (or its running sum over the periods), read
   * through a reference: an operator that reads a whole series, or a value used several times.
   */
  Typed hidden(String name, Span span, TExpr value, boolean runningSum, Type type) {
    CellSym c = newCell(name, CellSym.Role.HIDDEN, span, null, null, null, false);
    c.typed = value;
    c.runningSum = runningSum;
    c.type = type;
    c.state = CellSym.State.DONE;
    return new Typed(new TExpr.CellRef(c.slot, type, span), type);
  }

  /** The cell being checked now, or null. */
  CellSym current() {
    return stack.peek();
  }

  /** A reference to a cell from the current one: checks it first if needed. */
  Typed ref(CellSym target) {
    check(target);
    Type t = target.type;
    if (t.isError() || t.tag() == Type.Tag.INSTANCE) {
      return new Typed(null, t);
    }
    return new Typed(new TExpr.CellRef(target.slot, t, target.nameSpan), t);
  }

  void check(CellSym cell) {
    if (cell.state == CellSym.State.DONE) {
      return;
    }
    if (cell.state == CellSym.State.CHECKING) {
      reportCycle(cell);
      return;
    }
    cell.state = CellSym.State.CHECKING;
    stack.push(cell);
    try {
      CellChecks.check(this, cell);
    } finally {
      stack.pop();
      if (inCycle.contains(cell)) {
        cell.type = Type.ERROR;
      }
      cell.state = CellSym.State.DONE;
    }
  }

  private void reportCycle(CellSym closing) {
    List<CellSym> cycle = new ArrayList<>();
    for (CellSym c : stack) { // top first
      cycle.add(0, c);
      if (c == closing) {
        break;
      }
    }
    inCycle.addAll(cycle);
    // Report from the first-declared member, whatever order checking happened to take.
    int first = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (cycle.get(i).slot >= 0 && (cycle.get(first).slot < 0 || cycle.get(i).slot < cycle.get(first).slot)) {
        first = i;
      }
    }
    java.util.Collections.rotate(cycle, -first);
    closing = cycle.get(0);
    Set<String> key = new TreeSet<>();
    cycle.forEach(c -> key.add(c.name));
    if (!reportedCycles.add(String.join(",", key))) {
      return;
    }
    InstanceSym owner = sameInstanceDefaults(cycle);
    if (owner != null) {
      List<String> attrs = new ArrayList<>();
      for (CellSym c : cycle) {
        String attr = c.name.substring(owner.name().length() + 1);
        if (c.isParam() && !attrs.contains(attr)) {
          attrs.add(attr);
        }
      }
      if (attrs.isEmpty()) {
        cycle.forEach(c -> attrs.add(c.name.substring(owner.name().length() + 1)));
      }
      String list = attrs.size() == 1 ? attrs.get(0) + " is" : String.join(" and ", attrs) + " are";
      diags.error(Code.TOK400, owner.decl().nameSpan(), owner.kind().name() + " " + owner.name() + ": " + list
          + " defined from each other, and the block sets none of them",
          "set one of them, e.g. " + attrs.get(0) + " = …");
      return;
    }
    StringBuilder path = new StringBuilder();
    for (CellSym c : cycle) {
      path.append(c.name).append(" -> ");
    }
    path.append(closing.name);
    diags.error(Code.TOK400, closing.nameSpan, "cycle: " + path, "break the cycle: one of these values must not depend on the others");
  }

  private static InstanceSym sameInstanceDefaults(List<CellSym> cycle) {
    InstanceSym owner = null;
    for (CellSym c : cycle) {
      if (c.ctx == null || c.ctx.self() == null || !c.defaulted) {
        return null;
      }
      if (owner != null && owner != c.ctx.self()) {
        return null;
      }
      owner = c.ctx.self();
    }
    return owner;
  }

  // ---- lookups ------------------------------------------------------------------------------

  public Map<String, Symbol> globals() {
    return java.util.Collections.unmodifiableMap(globals);
  }

  public List<CellSym> cells() {
    return java.util.Collections.unmodifiableList(cells);
  }

  public Timeline timeline() {
    return timeline;
  }

  public Units units() {
    return units;
  }

  public Diagnostics diagnostics() {
    return diags;
  }

  /**
   * Every name visible at top level (and in {@code self}), for "did you mean": built once per
   * scope and kept while no name is added, so a flood of unknown names does not copy the symbol
   * table once each (issue 14). Read-only.
   */
  Set<String> visibleNames(InstanceSym self) {
    if (visible == null || visibleSelf != self || visibleCount != globals.size()) {
      Set<String> names = new java.util.LinkedHashSet<>(globals.keySet());
      if (self != null) {
        names.addAll(self.attrs.keySet());
      }
      names.addAll(List.of("t", "dt", "date", "year", "period"));
      visible = java.util.Collections.unmodifiableSet(names);
      visibleSelf = self;
      visibleCount = globals.size();
    }
    return visible;
  }

  private Set<String> visible;
  private InstanceSym visibleSelf;
  private int visibleCount = -1;

  /** Checks an expression at top level (for callers outside this package): its typed form. */
  public TExpr checkTopLevel(Expr e, SourceFile file) {
    return exprs.check(e, Ctx.top(file)).expr();
  }
}
