package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatterTest {

  private static String fmt(String text) {
    Formatter.Result r = Formatter.format("t.tok", text);
    assertTrue(r.ok(), () -> "not formatted: " + r.diagnostics());
    return r.text();
  }

  @Test
  void everyProjectFileKeepsItsMeaningAndIsStable() {
    List<Path> files = TestSources.all();
    assertFalse(files.isEmpty());
    int formatted = 0;
    for (Path p : files) {
      String text = TestSources.read(p);
      List<Decl> before = TestSources.parse(text);
      Formatter.Result r = Formatter.format(p.toString(), text);
      if (before == null) {
        assertFalse(r.ok(), p + " has syntax errors but was formatted");
        continue;
      }
      assertTrue(r.ok(), p + ": " + r.diagnostics());
      assertEquals(before, TestSources.parse(r.text()), p + ": formatting changed the AST");
      assertEquals(r.text(), fmt(r.text()), p + ": formatting is not idempotent");
      assertEquals(commentsOf(text), commentsOf(r.text()), p + ": comments changed");
      formatted++;
    }
    assertTrue(formatted >= 30, "formatted only " + formatted + " files");
  }

  /** The comments of a text, in order, with their surrounding whitespace trimmed. */
  private static List<String> commentsOf(String text) {
    return java.util.regex.Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/").matcher(text).results()
        .map(m -> m.group().strip()).toList();
  }

  @Test
  void alignsEqualsInRunsOfParamsAndLets() {
    String in = "param capex_per_gw = $50B/GW\nparam life = 5 yr  // years\nlet x=1\nlet long_name = 2\n\nparam z = 3\n";
    String want = """
        param capex_per_gw = $50B/GW
        param life         = 5 yr  // years
        let x         = 1
        let long_name = 2

        param z = 3
        """;
    assertEquals(want, fmt(in));
  }

  @Test
  void blocksStayOnOneLineOrGetOneItemPerLine() {
    String in = "chip H100 {power=700 W/GPU;price=$25k/GPU}\nkind k {\n param a: W/GPU // required\n"
        + "  param bb: 1 = 2; let c = a * bb\n\n\n}\nscenario s { x = 1; }\n";
    String want = """
        chip H100 { power = 700 W/GPU; price = $25k/GPU }
        kind k {
          param a: W/GPU  // required
          param bb: 1 = 2
          let c = a * bb
        }
        scenario s { x = 1 }
        """;
    assertEquals(want, fmt(in));
  }

  @Test
  void oneLineBlocksAlignWithNothing() {
    String in = """
        param capex_per_gw = $50B/GW   // a gigawatt
        param margin = 50 % // gross
        purchase gpus { price = $10B; life = 5 yr }  // bought
        scenario bear { margin = 30 % }
        scenario bullish_case { margin = 60 %; capex_per_gw = $40B/GW }
        """;
    String want = """
        param capex_per_gw = $50B/GW                 // a gigawatt
        param margin       = 50 %                    // gross
        purchase gpus { price = $10B; life = 5 yr }  // bought
        scenario bear { margin = 30 % }
        scenario bullish_case { margin = 60 %; capex_per_gw = $40B/GW }
        """;
    assertEquals(want, fmt(in));
  }

  @Test
  void keepsCommentsBlankLinesAndTheAuthorsLineBreaks() {
    String in = "// head\n\n\n\n/* block */ param a = 1 /* after */\nlet y = if a > 1\n      then a\n  else 2 // end\n"
        + "   // last\n";
    String want = """
        // head

        /* block */
        param a = 1 /* after */
        let y = if a > 1
            then a
            else 2  // end
        // last
        """;
    assertEquals(want, fmt(in));
  }

  @Test
  void spacingFollowsCanonicalRulesAndTheAuthorsChoiceForProducts() {
    String in = "let a=f( x ,from:2027-01 )[ 2028-01 ]+-b.c\nlet r = 140 $/kW/month\nlet q = a / b\n"
        + "param m : $ / GPU = 50%\nreport n = (a+b)*2 as $B / yr\n";
    String want = """
        let a = f(x, from: 2027-01)[2028-01] + -b.c
        let r = 140 $/kW/month
        let q = a / b
        param m: $/GPU = 50%
        report n = (a + b)*2 as $B/yr
        """;
    assertEquals(want, fmt(in));
  }

  @Test
  void anUnnamedReportIsNamedByItsCanonicalTextHoweverItIsSpaced() {
    String in = "report   revenue*dt   as $B\nreport x\n";
    String out = fmt(in);
    assertEquals("report revenue*dt as $B\nreport x\n", out);
    assertEquals("revenue * dt", ((Decl.Report) TestSources.parse(out).get(0)).label());
    assertEquals("revenue * dt", ((Decl.Report) TestSources.parse("report revenue  *  dt").get(0)).label());
  }

  @Test
  void syntaxErrorsAreReportedAndNothingIsFormatted() {
    Formatter.Result r = Formatter.format("bad.tok", "param x = \nlet y = 2\n");
    assertFalse(r.ok());
    assertNull(r.text());
    assertNotNull(r.diagnostics().stream().filter(d -> d.code().equals("TOK100")).findFirst().orElse(null));
  }

  @Test
  void emptyAndCommentOnlyFiles() {
    assertEquals("", fmt(""));
    assertEquals("", fmt("\n\n  \n"));
    assertEquals("// only\n", fmt("\n\n// only   \n\n"));
  }
}
