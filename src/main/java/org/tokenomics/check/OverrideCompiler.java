package org.tokenomics.check;

import java.util.List;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.Expr;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;
import org.tokenomics.syntax.SyntaxParser;

/** Compiles one textual override ({@code gross_margin} = {@code "60 %"}) against a compiled model. */
public final class OverrideCompiler {
  private OverrideCompiler() {}

  /**
   * A pure function of the model and the text: the override is checked by a checker of its own
   * against the model's frozen symbols, so the model never changes, no budget is shared between
   * overrides, and any number of threads may compile overrides at once.
   */
  public static CompiledModel.Override compile(CompiledModel model, String target, String text, List<Diagnostic> errors) {
    String sourceName = "--set " + target;
    SourceFile file = new SourceFile(sourceName, text, false);
    Span targetSpan = new Span(sourceName, 1, 1, 1, 1 + text.length(), 0, text.length());
    Diagnostics scratch = new Diagnostics();
    model.sources().values().forEach(scratch::addSource);
    // NAME, INSTANCE.ATTR, or FAMILY[KEY].ATTR for a member of a family (LANGUAGE.md §15)
    if (!target.matches("[A-Za-z_][A-Za-z0-9_]*(\\[-?[0-9][0-9_.eE+-]*\\])?(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
      scratch.error(Code.TOK200, targetSpan, "'" + target + "' is not a param name",
          "write NAME=VALUE, INSTANCE.ATTR=VALUE or FAMILY[KEY].ATTR=VALUE");
    } else {
      Expr e = new SyntaxParser().parseExpression(file, scratch);
      if (e != null) {
        Checker ck = Checker.against(model.frozen, scratch);
        CompiledModel.Override o = Overrides.compile(ck, target, targetSpan, e, file);
        if (o != null && !scratch.hasErrors()) {
          return o;
        }
      }
    }
    errors.addAll(scratch.all());
    return null;
  }
}
