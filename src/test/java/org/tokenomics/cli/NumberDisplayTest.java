package org.tokenomics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.text.Fmt;

/** Numbers shown the way a modeler writes them, without changing a value. */
class NumberDisplayTest {
  @Test
  void floatingPointResidueIsZeroAndPercentagesHaveTwoDecimals() {
    assertEquals("$0.00B", Fmt.quantity(-1.192e-13, "$B"));
    assertEquals("0 GW", Fmt.quantity(3e-12, "GW"));
    assertEquals("9.43 %", Fmt.quantity(9.434912, "%"));
    assertEquals("0.1234 %", Fmt.quantity(0.12341, "%"));
    assertEquals(10.0, Fmt.clean(10.000000000000002));
    assertEquals(0.1 + 0.2, 0.30000000000000004);
    assertEquals(0.3, Fmt.clean(0.1 + 0.2));
  }

  @Test
  void aMoneySeriesWithoutAsReadsInItsMagnitude(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("s.tok"), """
        timeline 2026 to 2028 yearly
        let revenue = if year >= 2027 then $20B/yr else $0/yr
        report revenue
        """);
    UncertaintyCommandsTest.Out o = UncertaintyCommandsTest.tok("run", f.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("revenue ($B/yr)     0    20    20"), o.out());
    UncertaintyCommandsTest.Out json = UncertaintyCommandsTest.tok("run", f.toString(), "--format", "json");
    var report = json.json().get("runs").get(0).get("reports").get(0);
    assertEquals(2e10, report.get("values").get(1).asDouble(), "JSON keeps its unit and values: " + report);
  }
}
