package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.tokenomics.testing.JavaBuild;

/** samples/properties: the host's jqwik properties compile against the library and pass. */
class HostPropertiesSampleTest {
  @Test
  void theHostsPropertiesPass() throws Exception {
    Path project = JavaBuild.project();
    Path out = project.resolve("target/properties-sample");
    JavaBuild.delete(out);
    List<Path> classpath = List.of(JavaBuild.locationOf(Model.class),
        JavaBuild.locationOf(net.jqwik.api.Arbitrary.class),
        JavaBuild.locationOf(org.junit.jupiter.api.Assertions.class),
        JavaBuild.locationOf(org.opentest4j.AssertionFailedError.class),
        JavaBuild.locationOf(org.apiguardian.api.API.class));
    JavaBuild.compile(JavaBuild.files(project.resolve("samples/properties/src"), ".java"), classpath, out);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> properties = loader.loadClass("example.ModelInvariantsProperties");
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(properties))
          .configurationParameter("jqwik.database", "target/jqwik-host-sample.database").build(), listener);
      TestExecutionSummary summary = listener.getSummary();
      java.io.StringWriter failures = new java.io.StringWriter();
      summary.printFailuresTo(new java.io.PrintWriter(failures), 5);
      assertEquals(4, summary.getTestsFoundCount());
      assertEquals(4, summary.getTestsSucceededCount(), failures.toString());
    }
  }
}
