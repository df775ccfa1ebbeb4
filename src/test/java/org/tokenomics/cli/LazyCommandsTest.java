package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line that names its command gets that command alone, the same as in the full set. */
class LazyCommandsTest {
  private static final List<String> ALL =
      List.of("run", "check", "explain", "fmt", "sweep", "sensitivity", "chart", "lsp", "test", "serve");

  @Test
  void withoutACommandEveryCommandIsThereInOrder() {
    assertEquals(ALL, List.copyOf(Main.commandLine(new String[0]).getSubcommands().keySet()));
    assertEquals(ALL, List.copyOf(Main.commandLine(new String[] {"--help"}).getSubcommands().keySet()));
    assertEquals(ALL, List.copyOf(Main.commandLine(new String[] {"rnu", "x.tok"}).getSubcommands().keySet()));
  }

  @Test
  void aNamedCommandIsAloneAndUnchanged() {
    CommandLine full = Main.commandLine(new String[0]);
    for (String name : ALL) {
      CommandLine one = Main.commandLine(new String[] {name, "x.tok"});
      assertEquals(List.of(name), List.copyOf(one.getSubcommands().keySet()));
      CommandLine lone = one.getSubcommands().get(name);
      CommandLine among = full.getSubcommands().get(name);
      assertEquals(among.getUsageMessage(), lone.getUsageMessage(), name);
      assertEquals(among.getCommandSpec().options().size(), lone.getCommandSpec().options().size(), name);
    }
  }
}
