package org.tokenomics.osgi;

import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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

  /**
   * Hands every service visible to the Tok bundle to {@code found} (a {@link TokFunction},
   * {@link TokModule}, {@link TokUnits} or {@link TokReporter}); does nothing outside a framework.
   */
  public static void discover(Consumer<Object> found) {
    Bundle bundle = FrameworkUtil.getBundle(OsgiServices.class);
    BundleContext context = bundle == null ? null : bundle.getBundleContext();
    if (context == null) {
      return;
    }
    services(context, TokFunction.class, found);
    services(context, TokModule.class, found);
    services(context, TokUnits.class, found);
    services(context, TokReporter.class, found);
  }

  private static <T> void services(BundleContext context, Class<T> type, Consumer<Object> sink) {
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
