package org.tokenomics;

import java.util.ArrayList;
import java.util.List;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.Type;
import org.tokenomics.units.DimensionFormat;

/**
 * The names a host reads and picks on a model ({@link Model#params}, {@link Model#reportNames},
 * {@link Model#reporting}): its params as {@link Param}s with their units as Tok writes them, its
 * reports, and the same model reporting other values instead (an unknown name with a suggestion).
 */
final class ModelNames {
  private ModelNames() {}

  /** The overridable params, top-level and instance attributes. */
  static List<Param> params(CompiledModel compiled) {
    List<Param> out = new ArrayList<>();
    for (CompiledModel.ParamSpec p : compiled.params()) {
      out.add(new Param(p.name(), unitName(p.type()), p.defaultText(), p.dist() != null));
    }
    return out;
  }

  private static String unitName(Type t) {
    return switch (t.tag()) {
      case NUMBER -> DimensionFormat.unitText(t.dim());
      case DATE -> "date";
      case BOOL -> "bool";
      default -> t.shortName();
    };
  }

  /** The report names, in source order. */
  static List<String> reports(CompiledModel compiled) {
    return compiled.reports().stream().map(CompiledModel.ReportSpec::name).toList();
  }

  /**
   * {@code compiled} with {@code names} as its reports; IllegalArgumentException for a name that is
   * no report or value (with a suggestion).
   */
  static CompiledModel reporting(CompiledModel compiled, List<String> names) {
    List<String> unknown = new ArrayList<>();
    CompiledModel c = compiled.withReports(names, unknown);
    if (c == null) {
      List<String> all = new ArrayList<>(reports(compiled));
      all.addAll(compiled.valuesByName().keySet());
      String near = org.tokenomics.diag.Suggest.closest(unknown.get(0), all);
      throw new IllegalArgumentException("no report or value named '" + unknown.get(0) + "'"
          + (near != null ? "; did you mean '" + near + "'?" : ""));
    }
    return c;
  }
}
