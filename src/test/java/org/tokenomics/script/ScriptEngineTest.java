package org.tokenomics.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Map;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;
import org.tokenomics.testing.Models;

/** {@code new ScriptEngineManager().getEngineByName("tok")}. */
class ScriptEngineTest {
  static ScriptEngine engine() {
    ScriptEngine e = new ScriptEngineManager().getEngineByName("tok");
    assertNotNull(e, "the tok engine is registered in META-INF/services");
    return e;
  }

  @Test
  void foundByNameExtensionAndMimeType() {
    ScriptEngineManager m = new ScriptEngineManager();
    assertNotNull(m.getEngineByExtension("tok"));
    assertNotNull(m.getEngineByMimeType("text/x-tok"));
    assertEquals("Tok", m.getEngineByName("tok").getFactory().getLanguageName());
    assertEquals("STATELESS", m.getEngineByName("tok").getFactory().getParameter("THREADING"));
  }

  @Test
  void evalReturnsReportsInTheirUnits() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) engine().eval(Models.PAYBACK);
    assertEquals(10.0, (Double) r.get("depreciation"), 1e-12);
    assertArrayEquals(new double[] {0, 0, 20, 20, 20}, (double[]) r.get("revenue"), 1e-9);
    assertInstanceOf(Double.class, r.get("npv"));
    assertEquals(java.util.List.of("depreciation", "revenue", "npv"), java.util.List.copyOf(r.keySet()));
  }

  @Test
  void datesAndBools() throws Exception {
    Map<?, ?> r = (Map<?, ?>) engine().eval("param start = 2027-06\nreport start\nreport late = start > 2027-01\n");
    assertEquals("2027-06", r.get("start"));
    assertEquals(Boolean.TRUE, r.get("late"));
  }

  @Test
  void bindingsOverrideParams() throws Exception {
    ScriptEngine e = engine();
    e.put("gross_margin", "60 %");
    e.put("capex_per_gw", "$40B/GW");
    Map<?, ?> r = (Map<?, ?>) e.eval(Models.PAYBACK);
    assertEquals(8.0, (Double) r.get("depreciation"), 1e-12);
    assertEquals(20.0, ((double[]) r.get("revenue"))[4], 1e-9);
    Bindings b = e.createBindings();
    b.put("gross_margin", 0.75);
    Map<?, ?> r2 = (Map<?, ?>) e.eval(Models.PAYBACK, b);
    assertEquals(40.0, ((double[]) r2.get("revenue"))[4], 1e-9);
  }

  @Test
  void globalBindingsThatAreNotParamsAreIgnored() throws Exception {
    ScriptEngineManager m = new ScriptEngineManager();
    m.put("unrelated", "x");
    m.put("gross_margin", "75 %");
    Map<?, ?> r = (Map<?, ?>) m.getEngineByName("tok").eval(Models.PAYBACK);
    assertEquals(40.0, ((double[]) r.get("revenue"))[4], 1e-9);
  }

  @Test
  void badBindingsAreScriptExceptions() {
    ScriptEngine e = engine();
    e.put("gross_margn", "60 %");
    ScriptException ex = assertThrows(ScriptException.class, () -> e.eval(Models.PAYBACK));
    assertTrue(ex.getMessage().contains("did you mean 'gross_margin'"), ex.getMessage());
    ScriptEngine e2 = engine();
    e2.put("capex_per_gw", 40);
    ScriptException unit = assertThrows(ScriptException.class, () -> e2.eval(Models.PAYBACK));
    assertTrue(unit.getMessage().contains("bind it to a Tok expression"), unit.getMessage());
    ScriptEngine e3 = engine();
    e3.put("capex_per_gw", "$40B");
    ScriptException dim = assertThrows(ScriptException.class, () -> e3.eval(Models.PAYBACK));
    assertTrue(dim.getMessage().contains("TOK300"), dim.getMessage());
  }

  @Test
  void compileErrorsCarryTheRenderedDiagnostics() {
    ScriptEngine e = engine();
    e.getContext().setAttribute(ScriptEngine.FILENAME, "model.tok", ScriptContext.ENGINE_SCOPE);
    ScriptException ex = assertThrows(ScriptException.class, () -> e.eval("let a = $1/yr\nlet b = a - $1\n"));
    assertTrue(ex.getMessage().contains("model.tok:2:9: error[TOK300]"), ex.getMessage());
    assertTrue(ex.getMessage().contains("^"), ex.getMessage());
    assertEquals(2, ex.getLineNumber());
    assertEquals(9, ex.getColumnNumber());
    assertEquals("model.tok", ex.getFileName());
  }

  @Test
  void evaluationErrorsAndFailedAssertions() {
    ScriptException div = assertThrows(ScriptException.class, () -> engine().eval("param n = 0\nreport x = 1 / n\n"));
    assertTrue(div.getMessage().contains("TOK500"), div.getMessage());
    ScriptEngine e = engine();
    e.put("gross_margin", "120 %");
    ScriptException failed = assertThrows(ScriptException.class, () -> e.eval(Models.PAYBACK));
    assertTrue(failed.getMessage().contains("assertion failed: a gross margin"), failed.getMessage());
  }

  @Test
  void compileOnceEvaluateOften() throws Exception {
    CompiledScript s = ((Compilable) engine()).compile(new StringReader(Models.PAYBACK));
    Bindings b = s.getEngine().createBindings();
    for (int pct : new int[] {20, 50, 80}) {
      b.put("gross_margin", pct + " %");
      Map<?, ?> r = (Map<?, ?>) s.eval(b);
      assertEquals(10 / (1 - pct / 100.0), ((double[]) r.get("revenue"))[4], 1e-9);
    }
  }
}
