package org.tokenomics.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.Tokenomics;

/** A contribution that cannot be used is named in a warning instead of vanishing. */
class PluginWarningsTest {
  @Test
  void aServiceFileNamingAMissingClassIsAWarning(@TempDir Path dir) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(TokFunction.class.getName()), "com.acme.tok.NotThere\n");
    try (URLClassLoader plugins = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Tokenomics tok = Tokenomics.builder().pluginLoader(plugins).build();
      List<String> warnings = tok.pluginWarnings();
      assertEquals(1, warnings.size(), warnings::toString);
      assertTrue(warnings.get(0).startsWith("a TokFunction plugin listed in META-INF/services cannot be used: "), warnings.get(0));
      assertTrue(warnings.get(0).contains("com.acme.tok.NotThere"), warnings.get(0));
      assertTrue(tok.compile("ok.tok", "report x = 1 GW * 2 h as GWh").ok(), "the rest still works");
    }
  }

  @Test
  void noWarningsWhenEveryContributionIsTaken() {
    assertEquals(List.of(), Tokenomics.standard().pluginWarnings());
  }
}
