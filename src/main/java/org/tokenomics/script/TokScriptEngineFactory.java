package org.tokenomics.script;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * The {@code javax.script} factory of the Tok engine: {@code new ScriptEngineManager()
 * .getEngineByName("tok")}, also by extension {@code tok} and MIME type {@code text/x-tok}.
 * Registered in {@code META-INF/services/javax.script.ScriptEngineFactory}.
 */
public final class TokScriptEngineFactory implements ScriptEngineFactory {
  private static final List<String> NAMES = List.of("tok", "Tok");
  private static final List<String> EXTENSIONS = List.of("tok");
  private static final List<String> MIME_TYPES = List.of("text/x-tok");

  /** The no-argument constructor ServiceLoader calls. */
  public TokScriptEngineFactory() {}

  @Override
  public String getEngineName() {
    return "Tok";
  }

  @Override
  public String getEngineVersion() {
    return "0.1.0";
  }

  @Override
  public List<String> getExtensions() {
    return EXTENSIONS;
  }

  @Override
  public List<String> getMimeTypes() {
    return MIME_TYPES;
  }

  @Override
  public List<String> getNames() {
    return NAMES;
  }

  @Override
  public String getLanguageName() {
    return "Tok";
  }

  @Override
  public String getLanguageVersion() {
    return "1";
  }

  /**
   * The standard keys, and {@code THREADING} = {@code STATELESS}: scripts never change bindings
   * and one engine may be used from several threads.
   */
  @Override
  public Object getParameter(String key) {
    return switch (key) {
      case ScriptEngine.ENGINE -> getEngineName();
      case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
      case ScriptEngine.NAME -> "tok";
      case ScriptEngine.LANGUAGE -> getLanguageName();
      case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
      case "THREADING" -> "STATELESS";
      default -> null;
    };
  }

  /** Tok has no methods; a call of a function is {@code m(a, b)}. */
  @Override
  public String getMethodCallSyntax(String obj, String m, String... args) {
    return m + "(" + String.join(", ", args) + ")";
  }

  /** Tok prints nothing; the nearest is a report: {@code report toDisplay}. */
  @Override
  public String getOutputStatement(String toDisplay) {
    return "report " + toDisplay;
  }

  /** Declarations, one per line. */
  @Override
  public String getProgram(String... statements) {
    return String.join("\n", statements) + "\n";
  }

  @Override
  public ScriptEngine getScriptEngine() {
    return new TokScriptEngine(this);
  }
}
