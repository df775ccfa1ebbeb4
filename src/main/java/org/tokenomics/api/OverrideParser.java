package org.tokenomics.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.check.CompiledModel;
import org.tokenomics.check.OverrideCompiler;

/** Overrides given as text (API maps, {@code --set NAME=EXPR}): compiled like scenario entries. */
public final class OverrideParser {
  private OverrideParser() {}

  /** Compiles name → expression pairs; IllegalArgumentException with the rendered diagnostics on errors. */
  public static List<CompiledModel.Override> compile(CompiledModel model, Map<String, String> overrides) {
    List<Diagnostic> errors = new ArrayList<>();
    List<CompiledModel.Override> out = compile(model, overrides, errors);
    if (!errors.isEmpty()) {
      StringBuilder b = new StringBuilder("invalid override");
      errors.forEach(d -> b.append('\n').append(d.render()));
      throw new IllegalArgumentException(b.toString());
    }
    return out;
  }

  /** Compiles name → expression pairs, adding any errors to {@code errors}. */
  public static List<CompiledModel.Override> compile(CompiledModel model, Map<String, String> overrides,
                                                     List<Diagnostic> errors) {
    List<CompiledModel.Override> out = new ArrayList<>();
    overrides.forEach((name, text) -> {
      CompiledModel.Override o = OverrideCompiler.compile(model, name, text, errors);
      if (o != null) {
        out.add(o);
      }
    });
    return out;
  }
}
