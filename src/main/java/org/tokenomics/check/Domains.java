package org.tokenomics.check;

import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Decl;
import org.tokenomics.units.Unit;

/**
 * Param domains (LANGUAGE.md §16): checking {@code within LOW to HIGH} and the values a param
 * takes against it. A value known when the model compiles (a constant, or a distribution's median
 * with constant arguments) is checked here; any other value is checked when it is evaluated
 * ({@link org.tokenomics.eval.InDomain}, wrapped by the build pass).
 */
final class Domains {
  private Domains() {}

  /** Checks a param's {@code within} clause after its value; sets {@code cell.domain} when it is sound. */
  static void check(Checker ck, CellSym cell, Decl.Domain d) {
    // A variant's param may keep its base's domain, written in the base (LANGUAGE.md §19).
    Ctx ctx = cell.domainCtx != null ? cell.domainCtx : cell.ctx;
    Typed low = ck.exprs.check(d.low(), ctx);
    Typed high = ck.exprs.check(d.high(), ctx);
    if (low.isError() || high.isError() || cell.type.isError()) {
      return;
    }
    if (!cell.type.isNumber() || cell.type.series()) {
      ck.error(ctx, Code.TOK302, d.span(), Messages.domainNeedsNumber(cell.name, cell.type.describe()),
          "remove the domain, or give " + cell.name + " a single number");
      return;
    }
    Double lo = bound(ck, cell, d.low(), low);
    Double hi = bound(ck, cell, d.high(), high);
    if (lo == null || hi == null) {
      return;
    }
    String text = shown(ctx.file().slice(d.low().span())) + " to " + shown(ctx.file().slice(d.high().span()));
    if (lo > hi) {
      ck.error(ctx, Code.TOK302, d.span(), Messages.domainReversed(text), "write the smaller end first");
      return;
    }
    Unit unit = ck.display.fromLiteral(ctx.file().slice(d.low().span()), cell.type.dim());
    if (unit == null) {
      unit = ck.display.fromLiteral(ctx.file().slice(d.high().span()), cell.type.dim());
    }
    if (unit == null) {
      unit = ck.display.readable(cell.type);
    }
    cell.domain = new ParamDomain(lo, hi, text, unit);
    within(ck, cell.domain, cell.name, cell.typed, cell.expr.span(), cell.ctx, cell.ctx.file().slice(cell.expr.span()).strip());
  }

  private static Double bound(Checker ck, CellSym cell, org.tokenomics.syntax.Expr e, Typed t) {
    if (!t.type().isNumber() || t.type().series() || !t.type().dim().equals(cell.type.dim())) {
      Code code = t.type().isNumber() && !t.type().series() ? Code.TOK300 : Code.TOK302;
      ck.error(cell.domainCtx != null ? cell.domainCtx : cell.ctx, code, e.span(), Messages.domainBound(cell.name, cell.type.describe(), t.type().describe()), null);
      return null;
    }
    Double v = TExpr.constant(t.expr());
    if (v == null || !Double.isFinite(v)) {
      ck.error(cell.domainCtx != null ? cell.domainCtx : cell.ctx, Code.TOK302, e.span(), Messages.domainNotConstant(cell.name),
          "write the end as a number with its unit, e.g. 100 %");
      return null;
    }
    return v;
  }

  /**
   * TOK302 when {@code value} is known now and lies outside {@code domain}; true when it is inside
   * or only known at evaluation.
   */
  static boolean within(Checker ck, ParamDomain domain, String name, TExpr value, org.tokenomics.syntax.Span span,
                        Ctx ctx, String written) {
    Double v = DistSpec.known(value);
    if (v == null || domain.contains(v)) {
      return true;
    }
    ck.error(ctx, Code.TOK302, span, Messages.outsideDomain(name, written, domain.text()),
        "use a value from " + domain.text() + ", or widen the domain of " + name);
    return false;
  }

  private static final java.util.regex.Pattern OPERATOR_SPACE = java.util.regex.Pattern.compile(" ?([/*^]) ?");

  /**
   * A bound as written, with its layout normalised (runs of white space, line breaks included, as
   * one space; none around {@code /}, {@code *}, {@code ^}), so that a message reads the same
   * before and after {@code tok fmt} re-spaces the source.
   */
  private static String shown(String written) {
    return OPERATOR_SPACE.matcher(org.apache.commons.lang3.StringUtils.normalizeSpace(written)).replaceAll("$1");
  }
}
