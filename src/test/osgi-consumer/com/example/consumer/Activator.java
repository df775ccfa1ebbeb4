package com.example.consumer;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.tokenomics.Evaluation;
import org.tokenomics.Tokenomics;
import org.tokenomics.Value;

/**
 * Uses Tok the way the documentation tells an OSGi host to: the API, and javax.script through the
 * library's class loader or the engine factory service. Every finding is a java.* value.
 */
public final class Activator implements BundleActivator {
  private BundleContext context;

  @Override
  public void start(BundleContext context) {
    this.context = context;
    Hashtable<String, Object> props = new Hashtable<>();
    props.put("tok.consumer", "true");
    Function<String, Map<String, Object>> run = this::run;
    context.registerService(Function.class, run, props);
  }

  @Override
  public void stop(BundleContext context) {
    // the framework unregisters the service
  }

  /** Compiles and evaluates {@code source}; numbers are the reports in their {@code as} units. */
  private Map<String, Object> run(String source) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tokStateBefore", tokBundle().getState());
    try {
      Tokenomics tok = Tokenomics.standard();
      out.put("warnings", List.copyOf(tok.pluginWarnings()));
      out.put("functions", new TreeSet<>(tok.functions()));
      out.put("formats", new TreeSet<>(tok.reporterFormats()));
      Evaluation e = tok.compile("consumer.tok", source).model().evaluate();
      for (Value v : e.reports()) {
        if (!v.isSeries()) {
          out.put("report." + v.name(), v.in(v.unit()));
        }
      }
      ScriptEngine byLoader = new ScriptEngineManager(Tokenomics.class.getClassLoader()).getEngineByName("tok");
      out.put("script.byLoader", ((Map<?, ?>) byLoader.eval("report x = 2 GW * 3 h as GWh")).get("x"));
      List<Object> byService = new ArrayList<>();
      for (ServiceReference<ScriptEngineFactory> ref
          : context.getServiceReferences(ScriptEngineFactory.class, "(script.engine=tok)")) {
        ScriptEngine engine = context.getService(ref).getScriptEngine();
        byService.add(((Map<?, ?>) engine.eval("report y = 5 MW * 2 h as MWh")).get("y"));
        context.ungetService(ref);
      }
      out.put("script.byService", byService);
    } catch (Exception | LinkageError ex) {
      out.put("error", ex.toString());
    }
    out.put("tokStateAfter", tokBundle().getState());
    return out;
  }

  private Bundle tokBundle() {
    for (Bundle b : context.getBundles()) {
      if ("org.tokenomics".equals(b.getSymbolicName())) {
        return b;
      }
    }
    throw new IllegalStateException("no org.tokenomics bundle");
  }
}
