package org.tokenomics.osgi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.tokenomics.spi.TokFunction;
import org.tokenomics.spi.TokModule;
import org.tokenomics.spi.TokReporter;
import org.tokenomics.spi.TokUnits;

/**
 * Plugins registered as OSGi services under the extension-point interfaces
 * ({@code org.tokenomics.spi.TokFunction} …).
 *
 * <p>The Tok bundle is lazily activated, so it normally has a context when it is used. When it
 * has none (installed and resolved, never started, as in a product that starts nothing it does
 * not have to), services are looked up through the system bundle's context, which every framework
 * keeps, and a warning says so. Every service taken is given back ({@code ungetService}) when
 * it is unregistered or when the Tok bundle stops.
 */
public final class OsgiServices {
  /** The services taken, by the context that took them: given back by {@link #release}. */
  private static final Map<ServiceReference<?>, BundleContext> TAKEN = new ConcurrentHashMap<>();
  /** Contexts that already have the listener giving back unregistered services. */
  private static final Map<BundleContext, ServiceListener> LISTENING = new ConcurrentHashMap<>();

  private OsgiServices() {}

  /**
   * Hands every service visible to the Tok bundle to {@code found} (a {@link TokFunction},
   * {@link TokModule}, {@link TokUnits} or {@link TokReporter}) and each one that cannot be used to
   * {@code warn}; does nothing outside a framework.
   */
  public static void discover(Consumer<Object> found, Consumer<String> warn) {
    Bundle bundle = FrameworkUtil.getBundle(OsgiServices.class);
    if (bundle == null) {
      return;
    }
    BundleContext context = bundle.getBundleContext();
    if (context == null) {
      context = systemContext(bundle);
      if (context == null) {
        warn.accept("the bundle " + bundle.getSymbolicName() + " is not started, so plugins registered as OSGi "
            + "services cannot be seen; start it (it is lazily activated: Bundle.start(Bundle.START_ACTIVATION_POLICY))");
        return;
      }
    }
    listen(context);
    services(context, TokFunction.class, found, warn);
    services(context, TokModule.class, found, warn);
    services(context, TokUnits.class, found, warn);
    services(context, TokReporter.class, found, warn);
  }

  /**
   * The context of the bundle that provides {@code org.osgi.framework} to this one: the system
   * bundle, always active. Null when the bundle is not wired (not resolved).
   */
  private static BundleContext systemContext(Bundle bundle) {
    BundleWiring wiring = bundle.adapt(BundleWiring.class);
    if (wiring == null) {
      return null;
    }
    for (BundleWire wire : wiring.getRequiredWires("osgi.wiring.package")) {
      if ("org.osgi.framework".equals(wire.getCapability().getAttributes().get("osgi.wiring.package"))) {
        return wire.getProvider().getBundle().getBundleContext();
      }
    }
    return null;
  }

  private static <T> void services(BundleContext context, Class<T> type, Consumer<Object> sink, Consumer<String> warn) {
    try {
      ServiceReference<?>[] all = context.getAllServiceReferences(type.getName(), null);
      if (all == null) {
        return;
      }
      for (ServiceReference<?> ref : all) {
        Object service = context.getService(ref);
        if (type.isInstance(service)) {
          if (TAKEN.putIfAbsent(ref, context) != null) {
            context.ungetService(ref); // taken before: keep one use of it, not one per discovery
          }
          sink.accept(type.cast(service));
        } else {
          if (service != null) {
            context.ungetService(ref);
          }
          warn.accept("the " + type.getSimpleName() + " service of bundle " + ref.getBundle().getSymbolicName()
              + " cannot be used: " + (service == null ? "its factory returned nothing"
              : "it implements another copy of " + type.getName() + " (wire the bundle to org.tokenomics)"));
        }
      }
    } catch (InvalidSyntaxException | IllegalStateException e) {
      // no filter is used; a stopping bundle has no services to offer
    }
  }

  /** Gives a service back when it goes away (its bundle stops). */
  private static void listen(BundleContext context) {
    LISTENING.computeIfAbsent(context, c -> {
      ServiceListener l = event -> {
        if (event.getType() == ServiceEvent.UNREGISTERING) {
          BundleContext taker = TAKEN.remove(event.getServiceReference());
          if (taker != null) {
            unget(taker, event.getServiceReference());
          }
        }
      };
      c.addServiceListener(l);
      return l;
    });
  }

  /** Gives back every service taken and stops listening: the Tok bundle is stopping. */
  public static void release() {
    TAKEN.forEach((ref, context) -> unget(context, ref));
    TAKEN.clear();
    LISTENING.forEach((context, l) -> {
      try {
        context.removeServiceListener(l);
      } catch (IllegalStateException e) {
        // that context is gone already
      }
    });
    LISTENING.clear();
  }

  private static void unget(BundleContext context, ServiceReference<?> ref) {
    try {
      context.ungetService(ref);
    } catch (IllegalStateException e) {
      // the context is no longer valid: the framework released its services
    }
  }
}
