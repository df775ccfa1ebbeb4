package org.tokenomics.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.syntax.SourceFile;

/**
 * The compile parses the prelude's last file before loading the files in order (issue 22: beside
 * the command line's warm-up thread, which parses from the first). What a compile reports and
 * builds is the same: a last file with an error reports it once, where the loading in order meets
 * it, after an earlier file's error.
 */
class PreludeParseOrderTest {
  private static Compiler.Result compile(Map<String, String> prelude, String model) {
    return Compiler.compile(new SourceFile("order.tok", model, false), null, Compiler.Options.defaults(null), prelude,
        name -> null);
  }

  @Test
  void aLastFileWithAnErrorReportsItOnceAfterTheFirstFilesError() {
    String first = "kind order_first {\n  param = \n}\n";
    String last = "kind order_last {\n  param power = \n}\n";
    Map<String, String> alone = new LinkedHashMap<>();
    alone.put("lib:order_last.tok", last);
    List<String> lastAlone = files(compile(alone, "param x = 1\nreport x\n"));
    Map<String, String> prelude = new LinkedHashMap<>();
    prelude.put("lib:order_first.tok", first);
    prelude.put("lib:order_last.tok", last);
    Compiler.Result r = compile(prelude, "param x = 1\nreport x\n");
    assertNull(r.model());
    List<String> both = files(r);
    int split = both.indexOf("lib:order_last.tok");
    assertEquals(lastAlone, both.subList(split, both.size()), r.diagnostics().toString());
    assertEquals(List.of("lib:order_first.tok"), both.subList(0, split).stream().distinct().toList(), r.diagnostics().toString());
  }

  /** The file of each syntax error, in the order reported. */
  private static List<String> files(Compiler.Result r) {
    return r.diagnostics().stream().filter(d -> d.code().equals("TOK100")).map(Diagnostic::file).toList();
  }

  @Test
  void theFilesAreRegisteredInTheirOrder() {
    Map<String, String> prelude = new LinkedHashMap<>();
    prelude.put("lib:order_units.tok", "unit order_rack = 72 GPU\n");
    prelude.put("lib:order_kinds.tok", "kind order_site {\n  param racks: order_rack = 2 order_rack\n  let gpus: GPU = racks\n}\n");
    Compiler.Result r = compile(prelude, "order_site site1 { racks = 3 order_rack }\nreport g = site1.gpus as GPU\n");
    assertNotNull(r.model(), r.diagnostics().toString());
    assertEquals(List.of(), r.diagnostics().stream().filter(Diagnostic::isError).toList());
  }
}
