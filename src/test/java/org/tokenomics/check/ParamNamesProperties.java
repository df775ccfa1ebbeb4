package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;

/** The registry's parameter lists are split as {@code String.split(",\\s*")} splits them. */
class ParamNamesProperties {
  @Property(tries = 1000)
  void splitAsTheRegularExpressionSplits(@ForAll @Chars({',', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00a0', 'a', 'b', '?'}) String params) {
    assertEquals(Arrays.asList(params.split(",\\s*")), BuiltinFunctions.paramNames(params), params);
  }

  @Example
  void theRegistrysOwnLists() {
    for (String params : new String[] {"", "x", "x, y?", "values,over?", ", ,", ",", "a,,b,", " a , b"}) {
      assertEquals(Arrays.asList(params.split(",\\s*")), BuiltinFunctions.paramNames(params), params);
    }
  }
}
