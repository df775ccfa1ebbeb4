package org.tokenomics.check;

import org.tokenomics.diag.Code;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.units.DimensionFormat;

/** What checking a cell means for each role, including its declared type. */
final class CellChecks {
  private CellChecks() {}

  static void check(Checker ck, CellSym cell) {
    switch (cell.role) {
      case HIDDEN -> { }
      case SOLVE -> Solves.check(ck, cell);
      default -> {
        if (cell.expr == null) {
          cell.type = Type.ERROR; // a required attribute left unset: TOK401 already said so
          return;
        }
        Typed t = cell.isParam() && Distributions.isDistribution(cell.expr)
            ? Distributions.check(ck, cell)
            : ck.exprs.check(cell.expr, cell.ctx);
        if (cell.declared != null && !t.isError()) {
          t = checkDeclared(ck, cell, t);
        }
        if (cell.role == CellSym.Role.ASSERT && !t.isError() && t.type().tag() != Type.Tag.BOOL) {
          ck.error(cell.ctx, Code.TOK302, cell.expr.span(), "an assertion needs a condition, found "
              + t.type().describe(), "compare two values, e.g. x <= 100 %");
          t = Typed.ERROR;
        }
        cell.typed = t.expr();
        cell.type = t.type();
        if (!t.isError()) {
          RateWarning.cell(ck, cell, t.type());
        }
        if (cell.domainDecl != null) {
          Domains.check(ck, cell, cell.domainDecl);
        }
      }
    }
  }

  private static Typed checkDeclared(Checker ck, CellSym cell, Typed t) {
    Ctx typeCtx = cell.ctx;
    SourceFile typeFile = cell.typeFile != null ? cell.typeFile
        : cell.ctx.self() != null ? ck.kindFiles.get(cell.ctx.self().kind().name()) : cell.ctx.file();
    Type want = ck.unitResolver.type(cell.declared, (code, span, message, help) -> { });
    cell.declaredText = typeFile == null ? null : typeFile.compactSlice(cell.declared.span());
    if (want.isError()) {
      return t;
    }
    t = PrevUnits.unifyDeclared(ck, t, want); // an unknown prev unit is the declared one (LANGUAGE.md §10)
    Type got = t.type();
    boolean ok;
    if (want.tag() == Type.Tag.INSTANCE) {
      String kind = ck.unitResolver.kindName(cell.declared);
      ok = got.tag() == Type.Tag.INSTANCE && got.instance() != null && got.instance().kind().name().equals(kind);
      if (!ok) {
        report(ck, cell, Code.TOK302, "an instance of " + kind, got.describe(), null);
        return Typed.ERROR;
      }
      return t;
    }
    ok = want.tag() == got.tag() && want.dim().equals(got.dim());
    if (ok) {
      return t;
    }
    Code code = want.tag() == got.tag() ? Code.TOK300 : Code.TOK302;
    String help = null;
    if (want.tag() == Type.Tag.NUMBER && got.tag() == Type.Tag.NUMBER) {
      String wantText = typeFile == null ? DimensionFormat.unitText(want.dim()) : typeFile.slice(cell.declared.span());
      String srcText = cell.ctx.file().slice(cell.expr.span());
      help = PrecedenceHint.help(ck, cell.expr);
      if (help == null) {
        help = Messages.literalFix(cell.expr, srcText, org.apache.commons.lang3.StringUtils.deleteWhitespace(wantText));
      }
      if (help == null) {
        help = Messages.fix(got.dim(), want.dim(), srcText);
      }
    }
    report(ck, cell, code, want.describe(), got.describe(), help);
    return Typed.ERROR;
  }

  private static void report(Checker ck, CellSym cell, Code code, String want, String got, String help) {
    String subject = cell.ctx.self() != null
        ? cell.ctx.self().kind().name() + "." + cell.name.substring(cell.ctx.self().name().length() + 1)
        : cell.name;
    String message = subject + " is " + want + ", found " + got;
    ck.error(cell.ctx, code, cell.expr.span(), message, help, null);
  }
}
