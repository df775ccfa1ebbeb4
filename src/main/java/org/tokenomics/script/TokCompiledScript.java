package org.tokenomics.script;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.tokenomics.AssertionResult;
import org.tokenomics.Evaluation;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.Param;
import org.tokenomics.Value;
import org.tokenomics.diag.Suggest;

/** A compiled Tok script: a {@link Model} evaluated with the context's bindings as overrides. */
final class TokCompiledScript extends CompiledScript {
  private final TokScriptEngine engine;
  private final Model model;

  TokCompiledScript(TokScriptEngine engine, Model model) {
    this.engine = engine;
    this.model = model;
  }

  @Override
  public ScriptEngine getEngine() {
    return engine;
  }

  /** The model, for hosts that cast to it. */
  Model model() {
    return model;
  }

  @Override
  public Object eval(ScriptContext context) throws ScriptException {
    Map<String, String> overrides = overrides(context);
    Evaluation e;
    try {
      e = model.evaluate(overrides);
    } catch (IllegalArgumentException ex) {
      throw new ScriptException(ex.getMessage());
    } catch (EvaluationException ex) {
      Integer line = ex.diagnostic().line() > 0 ? ex.diagnostic().line() : null;
      throw line == null ? new ScriptException(ex.getMessage())
          : new ScriptException(ex.getMessage(), ex.diagnostic().file(), line, ex.diagnostic().column());
    }
    List<AssertionResult> failed = e.assertions().stream().filter(a -> !a.ok()).toList();
    if (!failed.isEmpty()) {
      StringBuilder b = new StringBuilder();
      failed.forEach(a -> b.append(b.length() == 0 ? "" : "\n").append(a.where())
          .append(": assertion failed: ").append(a.message()));
      throw new ScriptException(b.toString());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Value v : e.reports()) {
      out.put(v.name(), javaValue(v));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object javaValue(Value v) {
    return switch (v.unit()) {
      case "date" -> v.asDate();
      case "bool" -> v.asBool();
      default -> v.isSeries() ? v.values() : (Object) v.values()[0];
    };
  }

  /** Bindings as Tok overrides: engine scope strictly, global scope where names match params. */
  private Map<String, String> overrides(ScriptContext context) throws ScriptException {
    Map<String, Param> params = new LinkedHashMap<>();
    model.params().forEach(p -> params.put(p.name(), p));
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> b : TokScriptEngine.scope(context, ScriptContext.GLOBAL_SCOPE).entrySet()) {
      if (params.containsKey(b.getKey()) && b.getValue() != null) {
        out.put(b.getKey(), text(params.get(b.getKey()), b.getValue()));
      }
    }
    for (Map.Entry<String, Object> b : TokScriptEngine.scope(context, ScriptContext.ENGINE_SCOPE).entrySet()) {
      String name = b.getKey();
      if (name.startsWith("javax.script.") || b.getValue() == null) {
        continue;
      }
      Param p = params.get(name);
      if (p == null) {
        Set<String> names = new LinkedHashSet<>(params.keySet());
        String near = Suggest.closest(name, names);
        throw new ScriptException("binding '" + name + "' is not a param of the script"
            + (near != null ? "; did you mean '" + near + "'?" : names.isEmpty() ? "" : "; params: " + names));
      }
      out.put(name, text(p, b.getValue()));
    }
    return out;
  }

  private static String text(Param p, Object value) throws ScriptException {
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof Boolean bool) {
      return bool.toString();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new ScriptException("binding '" + p.name() + "' is not a finite number: " + d);
      }
      if (!p.unit().isEmpty()) {
        throw new ScriptException("param " + p.name() + " has a unit (" + p.unit() + "); bind it to a Tok expression"
            + " such as \"" + d + " " + p.unit() + "\" instead of a plain number");
      }
      return "(" + d + ")";
    }
    throw new ScriptException("binding '" + p.name() + "' must be a String (a Tok expression), a Number or a Boolean,"
        + " not " + value.getClass().getName());
  }
}
