package org.tokenomics.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Suggest;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.Expr;

/**
 * Checks {@code correlate A, B = R} (LANGUAGE.md §17): A and B are distinct params whose values are
 * (scalar) distributions, R a constant in [−1, 1], each pair at most once, and the copula's matrix
 * of Pearson ρ = 2·sin(π·R/6) positive semi-definite. The matrix is checked as each declaration is
 * added, so TOK302 points at the declaration that makes it inconsistent and names the params whose
 * correlations cannot hold together.
 */
final class Correlations {
  private Correlations() {}

  /** Eigenvalues above −this are taken as zero (rounding of a singular but consistent matrix). */
  static final double PSD_TOLERANCE = 1e-10;

  /** The Pearson correlation of the Gaussian copula whose Spearman rank correlation is {@code r}. */
  static double pearson(double r) {
    return 2 * Math.sin(Math.PI * r / 6);
  }

  static List<CompiledModel.Correlation> check(Checker ck, List<Decl.Correlate> decls) {
    List<CompiledModel.Correlation> out = new ArrayList<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Decl.Correlate d : decls) {
      CellSym a = param(ck, d.a(), d.aSpan());
      CellSym b = param(ck, d.b(), d.bSpan());
      Double r = constant(d.r());
      if (a == null || b == null) {
        continue;
      }
      if (r == null || r < -1 || r > 1) {
        ck.diags.error(Code.TOK302, d.r().span(), "a correlation must be a constant number between -1 and 1",
            "write it as a plain number or a percentage, e.g. 0.6 or -40 %");
        continue;
      }
      if (a.name.equals(b.name)) {
        ck.diags.error(Code.TOK302, d.span(), "a param cannot be correlated with itself", null);
        continue;
      }
      CompiledModel.Correlation twin = out.stream().filter(c -> c.pairs(a.name, b.name)).findFirst().orElse(null);
      if (twin != null) {
        ck.diags.error(Code.TOK201, d.span(), a.name + " and " + b.name + " are already correlated (line "
            + twin.span().line() + ")", "keep one correlate per pair");
        continue;
      }
      CompiledModel.Correlation c = new CompiledModel.Correlation(a.name, b.name, r, d.span());
      out.add(c);
      index.putIfAbsent(a.name, index.size());
      index.putIfAbsent(b.name, index.size());
      List<String> culprits = inconsistent(out, index);
      if (culprits != null) {
        ck.diags.error(Code.TOK302, d.span(), "correlations are inconsistent: " + String.join(", ", culprits)
                + " cannot move together as declared (the copula's correlation matrix is not positive semi-definite)",
            "weaken one of the correlations between " + String.join(", ", culprits));
        out.remove(out.size() - 1);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The params involved in the matrix's most negative direction when it is not positive
   * semi-definite, else null: the entries of that eigenvector that carry weight.
   */
  private static List<String> inconsistent(List<CompiledModel.Correlation> pairs, Map<String, Integer> index) {
    int n = index.size();
    double[][] m = matrix(pairs, index);
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
    double[] values = eig.getRealEigenvalues();
    int worst = 0;
    for (int i = 1; i < n; i++) {
      if (values[i] < values[worst]) {
        worst = i;
      }
    }
    if (values[worst] >= -PSD_TOLERANCE) {
      return null;
    }
    RealVector v = eig.getEigenvector(worst);
    double largest = v.getLInfNorm();
    List<String> names = new ArrayList<>();
    index.forEach((name, i) -> {
      if (Math.abs(v.getEntry(i)) >= 0.2 * largest) {
        names.add(name);
      }
    });
    return names;
  }

  /** The copula's Pearson matrix over the params in {@code index} (1 on the diagonal, 0 unlisted). */
  static double[][] matrix(List<CompiledModel.Correlation> pairs, Map<String, Integer> index) {
    int n = index.size();
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    for (CompiledModel.Correlation c : pairs) {
      int i = index.get(c.a());
      int j = index.get(c.b());
      m[i][j] = m[j][i] = pearson(c.r());
    }
    return m;
  }

  /** A param whose value is a scalar distribution, or null after reporting why {@code name} is not one. */
  private static CellSym param(Checker ck, String name, org.tokenomics.syntax.Span span) {
    CellSym cell = cell(ck, name);
    if (cell == null) {
      List<String> names = new ArrayList<>(ck.globals.keySet());
      String near = Suggest.closest(name, names);
      ck.diags.error(Code.TOK200, span, "unknown param '" + name + "'", near == null ? null : "did you mean '" + near + "'?");
      return null;
    }
    if (cell.type.isError()) {
      return null; // its own error is reported already
    }
    if (cell.isParam() && cell.distFamily != null && BuiltinFunctions.isPath(cell.distFamily)) {
      ck.diags.error(Code.TOK302, span, "'" + name + "' is a price path (" + cell.distFamily + "), drawn per period; only"
          + " single draws can be correlated", null);
      return null;
    }
    if (!cell.isParam() || cell.distFamily == null) {
      ck.diags.error(Code.TOK302, span, "'" + name + "' is not a param whose value is a distribution; only drawn params can be correlated",
          cell.isParam() ? "give it a distribution, e.g. param " + name + " = normal(MEAN, SD)" : null);
      return null;
    }
    return cell;
  }

  private static CellSym cell(Checker ck, String name) {
    int dot = name.indexOf('.');
    Symbol s = ck.globals.get(dot < 0 ? name : name.substring(0, dot));
    if (dot < 0) {
      return s instanceof CellSym c ? c : null;
    }
    return s instanceof InstanceSym inst ? inst.attrs.get(name.substring(dot + 1)) : null;
  }

  /** R as written: a number or a percentage, perhaps negated; null for anything else. */
  static Double constant(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.value();
    }
    if (e instanceof Expr.Quantity q && q.unit().equals("%") && q.exponent() == 1) {
      return q.number().value() / 100;
    }
    if (e instanceof Expr.Unary u && u.op().equals("-")) {
      Double v = constant(u.operand());
      return v == null ? null : -v;
    }
    return null;
  }
}
