package org.tokenomics.check;

import java.util.List;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Diagnostics;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.syntax.SyntaxParser;

/** Compiles one textual override ({@code gross_margin} = {@code "60 %"}) against a compiled model. */
public final class OverrideCompiler {
  private OverrideCompiler() {}

  public static CompiledModel.Override compile(CompiledModel model, String target, String text, List<Diagnostic> errors) {
    Checker ck = model.checker;
    String sourceName = "--set " + target;
    SourceFile file = new SourceFile(sourceName, text, false);
    Span targetSpan = new Span(sourceName, 1, 1, 1, 1 + text.length(), 0, text.length());
    synchronized (ck) {
      Diagnostics scratch = ck.diags;
      int before = scratch.all().size();
      if (!target.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
        scratch.error(Code.TOK200, targetSpan, "'" + target + "' is not a param name", "write NAME=VALUE or INSTANCE.ATTR=VALUE");
      } else {
        Expr e = new SyntaxParser().parseExpression(file, scratch);
        if (e != null) {
          CompiledModel.Override o = Overrides.compile(ck, target, targetSpan, e, file);
          if (o != null && scratch.all().size() == before) {
            return o;
          }
        }
      }
      errors.addAll(scratch.all().subList(before, scratch.all().size()));
      return null;
    }
  }
}
