package org.tokenomics.script;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.Tokenomics;

/**
 * The Tok {@link ScriptEngine}. {@code eval(source)} compiles the source and evaluates it; the
 * result is an unmodifiable {@code Map<String, Object>} from report name to its value in the
 * report's unit: a {@link Double} for a scalar, a {@code double[]} for a series (one value per
 * period), a {@link String} for a date ({@code 2027-06}) and a {@link Boolean} for a condition.
 *
 * <p>Bindings override params: a {@link String} value is a Tok expression ({@code "$40B/GW"}); a
 * {@link Number} is a plain number and suits only dimensionless params ({@code 0.6} for 60 %);
 * a {@link Boolean} sets a bool param. An engine-scope binding whose name is not a param is an
 * error (with a suggestion); global-scope bindings that are not params are ignored.
 *
 * <p>Compile errors, invalid overrides, evaluation errors and failed assertions are
 * {@link ScriptException}s whose message holds the rendered diagnostics. The engine is
 * {@link Compilable}: compile once, evaluate with different bindings.
 */
public final class TokScriptEngine extends AbstractScriptEngine implements Compilable {
  private final ScriptEngineFactory factory;
  private volatile Tokenomics tok;

  TokScriptEngine(ScriptEngineFactory factory) {
    this.factory = factory;
  }

  private Tokenomics tok() {
    Tokenomics t = tok;
    if (t == null) {
      t = Tokenomics.standard();
      tok = t;
    }
    return t;
  }

  @Override
  public Object eval(String script, ScriptContext context) throws ScriptException {
    return compile(script, context).eval(context);
  }

  @Override
  public Object eval(Reader reader, ScriptContext context) throws ScriptException {
    return eval(read(reader), context);
  }

  @Override
  public CompiledScript compile(String script) throws ScriptException {
    return compile(script, getContext());
  }

  @Override
  public CompiledScript compile(Reader script) throws ScriptException {
    return compile(read(script));
  }

  private TokCompiledScript compile(String script, ScriptContext context) throws ScriptException {
    Object name = context == null ? null : context.getAttribute(ScriptEngine.FILENAME);
    String file = name == null ? "<script>" : name.toString();
    Compilation c;
    try {
      c = tok().compile(file, script);
    } catch (IllegalArgumentException e) { // a misconfigured plugin
      throw new ScriptException(e.getMessage());
    }
    if (!c.ok()) {
      Diagnostic first = c.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElse(null);
      StringBuilder b = new StringBuilder();
      c.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> b.append(b.length() == 0 ? "" : "\n").append(d.render()));
      ScriptException e = first != null && first.line() > 0
          ? new ScriptException(b.toString(), file, first.line(), first.column())
          : new ScriptException(b.toString());
      throw e;
    }
    return new TokCompiledScript(this, c.model());
  }

  @Override
  public Bindings createBindings() {
    return new SimpleBindings();
  }

  @Override
  public ScriptEngineFactory getFactory() {
    return factory;
  }

  private static String read(Reader reader) throws ScriptException {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    try {
      for (int n; (n = reader.read(buf)) > 0; ) {
        b.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new ScriptException(e);
    }
    return b.toString();
  }

  /** For {@link TokCompiledScript}: a read-only view of a scope's bindings. */
  static Map<String, Object> scope(ScriptContext context, int scope) {
    Bindings b = context == null ? null : context.getBindings(scope);
    return b == null ? Map.of() : b;
  }
}
