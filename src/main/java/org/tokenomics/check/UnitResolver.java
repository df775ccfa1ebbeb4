package org.tokenomics.check;

import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.UnitExpr;
import org.tokenomics.units.Dimension;
import org.tokenomics.units.Unit;
import org.tokenomics.units.Units;

/** Unit expressions ({@code $B/yr}) to units, and type annotations ({@code : W/GPU}, {@code : date}) to types. */
final class UnitResolver {
  private final Units units;
  private final Map<String, Decl.Kind> kinds;

  UnitResolver(Units units, Map<String, Decl.Kind> kinds) {
    this.units = units;
    this.kinds = kinds;
  }

  /** The unit, or null after reporting TOK301 through {@code report}. */
  Unit unit(UnitExpr u, Reporter report) {
    if (u instanceof UnitExpr.Atom a) {
      Unit found = units.get(a.name());
      if (found == null) {
        String near = Suggest.unit(a.name(), units.names());
        report.error(Code.TOK301, a.span(), "unknown unit '" + a.name() + "'",
            near == null ? null : "did you mean " + near + "?");
      }
      return found;
    } else if (u instanceof UnitExpr.Num n) {
      return new Unit(n.text(), n.value(), Dimension.NONE);
    } else if (u instanceof UnitExpr.Bin b) {
      Unit l = unit(b.left(), report);
      Unit r = unit(b.right(), report);
      if (l == null || r == null) {
        return null;
      }
      return b.op() == '*' ? l.times(r, l.name() + "*" + r.name()) : l.over(r, l.name() + "/" + r.name());
    } else if (u instanceof UnitExpr.Pow p) {
      Unit base = unit(p.base(), report);
      return base == null ? null : base.pow(p.exponent(), base.name() + "^" + p.exponent());
    }
    return null;
  }

  /** A declared type: {@code date}, {@code bool}, a kind name, or a unit expression's dimension. */
  Type type(UnitExpr u, Reporter report) {
    if (u instanceof UnitExpr.Atom a) {
      if (a.name().equals("date")) {
        return Type.date(false);
      }
      if (a.name().equals("bool")) {
        return Type.bool(false);
      }
      if (kinds.containsKey(a.name()) && !units.isUnit(a.name())) {
        return new Type(Type.Tag.INSTANCE, Dimension.NONE, false, null); // any instance of the kind
      }
    }
    Unit unit = unit(u, report);
    return unit == null ? Type.ERROR : Type.number(unit.dim(), false);
  }

  /** The kind named by a type annotation, or null. */
  String kindName(UnitExpr u) {
    return u instanceof UnitExpr.Atom a && kinds.containsKey(a.name()) ? a.name() : null;
  }

  /** Where resolution errors go. */
  interface Reporter {
    void error(Code code, org.tokenomics.syntax.Span span, String message, String help);
  }
}
