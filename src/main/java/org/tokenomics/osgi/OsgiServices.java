package org.tokenomics.osgi;

import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.tokenomics.Tokenomics;
import org.tokenomics.api.Plugins;
import org.tokenomics.spi.TokFunction;
import org.tokenomics.spi.TokModule;
import org.tokenomics.spi.TokReporter;
import org.tokenomics.spi.TokUnits;

/**
 * Plugins registered as OSGi services under the extension-point interfaces
 * ({@code org.tokenomics.spi.TokFunction} …). Used only when the library runs as a started bundle.
 */
public final class OsgiServices {
  private OsgiServices() {}

  /** Adds the services visible to the Tok bundle; does nothing outside a framework. */
  public static void discover(Plugins.Collector into) {
    Bundle bundle = FrameworkUtil.getBundle(Tokenomics.class);
    BundleContext context = bundle == null ? null : bundle.getBundleContext();
    if (context == null) {
      return;
    }
    services(context, TokFunction.class, f -> into.function(f, false));
    services(context, TokModule.class, into::module);
    services(context, TokUnits.class, into::units);
    services(context, TokReporter.class, r -> into.reporter(r, false));
  }

  private static <T> void services(BundleContext context, Class<T> type, Consumer<T> sink) {
    try {
      for (ServiceReference<T> ref : context.getServiceReferences(type, null)) {
        T service = context.getService(ref);
        if (service != null) {
          sink.accept(service);
        }
      }
    } catch (InvalidSyntaxException | IllegalStateException e) {
      // no filter is used; a stopping bundle has no services to offer
    }
  }
}
