package org.tokenomics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.cli.Main;

/** {@code tok serve}'s command line: what it refuses before serving, with a message and an exit code. */
class ServeCommandTest {
  @TempDir
  Path dir;

  record Run(int exit, String err) {}

  static Run tok(String... args) {
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    return new Run(exit, err.toString());
  }

  @Test
  void refusesAMissingTargetABadPortAndAPortInUse() throws Exception {
    Run missing = tok("serve", dir.resolve("nowhere.tok").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such file or folder"), missing.err());
    Run port = tok("serve", dir.toString(), "--port", "70000");
    assertEquals(2, port.exit());
    assertTrue(port.err().contains("--port must be from 0 to 65535"), port.err());
    try (PlaygroundServer busy = PlaygroundServer.start(Workspace.of(dir), 0)) {
      Run taken = tok("serve", dir.toString(), "--port", String.valueOf(busy.port()));
      assertEquals(1, taken.exit());
      assertEquals(Messages.portInUse(busy.port()) + "\n", taken.err());
    }
  }
}
