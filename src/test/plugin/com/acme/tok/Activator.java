package com.acme.tok;

import java.util.List;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.tokenomics.spi.TokFunction;

/**
 * Inside an OSGi framework: registers {@code acme_margin} as an OSGi service (the other
 * contributions come through plugin.xml). Not used on a plain class path.
 */
public final class Activator implements BundleActivator {
  @Override
  public void start(BundleContext context) {
    TokFunction margin = TokFunction.of("acme_margin", "1",
        List.of(TokFunction.Parameter.required("revenue", "$/yr"), TokFunction.Parameter.required("cost", "$/yr")),
        a -> 1 - a[1] / a[0]);
    context.registerService(TokFunction.class, margin, null);
  }

  @Override
  public void stop(BundleContext context) {
    // services are unregistered by the framework
  }
}
