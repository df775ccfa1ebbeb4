package org.tokenomics.script;

import org.tokenomics.osgi.OsgiServices;

import java.util.Dictionary;
import java.util.Hashtable;
import javax.script.ScriptEngineFactory;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Starts the Tok bundle: registers the {@code javax.script} engine factory as an OSGi service,
 * because {@code new ScriptEngineManager()} looks only at the thread's context class loader and
 * finds no bundle's engines. Hosts take the service (filter {@code (script.engine=tok)}) or make
 * a manager with the library's loader; see dsl/embedding.md, <em>OSGi</em>.
 */
public final class Activator implements BundleActivator {
  private ServiceRegistration<ScriptEngineFactory> engine;

  /** The constructor the framework calls. */
  public Activator() {}

  @Override
  public void start(BundleContext context) {
    TokScriptEngineFactory factory = new TokScriptEngineFactory();
    Dictionary<String, Object> props = new Hashtable<>();
    props.put("script.engine", "tok");
    props.put("script.names", factory.getNames().toArray(new String[0]));
    props.put("script.extensions", factory.getExtensions().toArray(new String[0]));
    props.put("script.mimetypes", factory.getMimeTypes().toArray(new String[0]));
    engine = context.registerService(ScriptEngineFactory.class, factory, props);
  }

  @Override
  public void stop(BundleContext context) {
    if (engine != null) {
      engine.unregister();
      engine = null;
    }
    OsgiServices.release();
  }
}
