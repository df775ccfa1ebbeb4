package org.tokenomics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tokenomics.testing.JavaBuild;
import org.tokenomics.testing.OsgiFramework;

/**
 * Eclipse Equinox with its extension registry: the ACME plugin contributes a function, a module,
 * units and a reporter through plugin.xml and a second function as an OSGi service.
 */
class EquinoxIT extends OsgiHostContract {
  @Override
  OsgiFramework launch(Path work) throws Exception {
    return new OsgiFramework(JavaBuild.locationOf(org.eclipse.osgi.launch.EquinoxFactory.class),
        "org.eclipse.osgi.launch.EquinoxFactory", work.resolve("storage"),
        Map.of("osgi.instance.area", work.resolve("instance").toString(), "eclipse.noRegistryCache", "true"));
  }

  @Override
  List<Path> platform() {
    return List.of(JavaBuild.locationOf(org.eclipse.core.runtime.CoreException.class),
        JavaBuild.locationOf(org.eclipse.core.runtime.RegistryFactory.class));
  }

  @Override
  int neverStartedState() {
    return OsgiFramework.ACTIVE;
  }

  @Override
  String script() {
    return """
        import "acme:prices"
        let racks = 100 rack
        report value = acme_discount($10B, years: 2 yr) as $B
        report margin = acme_margin($10/yr, $4/yr) as %
        report rack_year = acme_rack_year as $k
        report gpus = racks as GPU
        """;
  }

  @Override
  Map<String, Double> expected() {
    return Map.of("value", 10 / 1.08 / 1.08,          // plugin.xml function
        "margin", 60.0,                              // OSGi service
        "rack_year", 2 * 72 * 8760 / 1000.0,         // plugin.xml module
        "gpus", 7200.0);                             // plugin.xml units
  }
}
