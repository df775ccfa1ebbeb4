package org.tokenomics.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as an editor meets it: JSON-RPC over a pair of pipes, through LSP4J's client launcher. */
class LanguageServerTest {
  @TempDir
  Path dir;

  private LspSession lsp;
  private LanguageServer server;

  private static final String MODEL = """
      timeline 2026 to 2030 yearly
      param capex_per_gw = $50B/GW
      param life = 5 yr
      let capex = capex_per_gw * 1 GW
      let depreciation = capex / life
      cluster site { chip = H100; facility_power = 100 MW; energy_price = 80 $/MWh }
      report depreciation as $B/yr
      report power = site.it_power as MW
      import "std:chips"
      """;

  @BeforeEach
  void start() throws Exception {
    lsp = new LspSession(null);
    server = lsp.server();
    assertTrue(lsp.initialized().getCapabilities().getHoverProvider().getLeft());
  }

  @AfterEach
  void stop() throws Exception {
    lsp.close();
  }

  private String open(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    String uri = file.toUri().toString();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tok", 1, text)));
    return uri;
  }

  private PublishDiagnosticsParams next() throws InterruptedException {
    return lsp.next();
  }


  @Test
  void diagnosticsOnOpenAndChangeCarryCodesAndZeroBasedRanges() throws Exception {
    String uri = open("bad.tok", "let revenue = 10 $/yr\nlet capex = $5\nlet profit = revenue - capex\n");
    PublishDiagnosticsParams p = next();
    assertEquals(uri, p.getUri());
    assertEquals(1, p.getDiagnostics().size(), p.toString());
    Diagnostic d = p.getDiagnostics().get(0);
    assertEquals("TOK300", d.getCode().getLeft());
    assertEquals("tok", d.getSource());
    // Tok's 3:14 to 3:29 (1-based, end exclusive) is LSP's 2:13 to 2:28.
    assertEquals(new Range(new Position(2, 13), new Position(2, 28)), d.getRange());

    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent("let revenue = 10 $/yr\nlet x = revenu\nlet y = (\n"))));
    PublishDiagnosticsParams q = next();
    List<String> codes = q.getDiagnostics().stream().map(x -> x.getCode().getLeft()).toList();
    assertTrue(codes.contains("TOK100"), codes.toString());

    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 3),
        List.of(new TextDocumentContentChangeEvent("let revenue = 10 $/yr\nlet x = revenu\n"))));
    Diagnostic unknown = next().getDiagnostics().get(0);
    assertEquals("TOK200", unknown.getCode().getLeft());
    assertTrue(unknown.getMessage().contains("did you mean revenue") || unknown.getMessage().contains("revenue"), unknown.getMessage());
    assertEquals(new Range(new Position(1, 8), new Position(1, 14)), unknown.getRange());
  }

  @Test
  void hoverShowsValueDimensionAndWhereANameIsDefined() throws Exception {
    String uri = open("m.tok", MODEL);
    assertTrue(next().getDiagnostics().isEmpty());
    String h = hover(uri, 6, 10); // "depreciation" in `report depreciation as $B/yr`
    assertTrue(h.contains("let") && h.contains("depreciation"), h);
    assertTrue(h.contains("$10.00B/yr"), h);
    assertTrue(h.contains("money per time") || h.contains("$/yr"), h);
    assertTrue(h.contains("defined at line 5"), h);

    String attr = hover(uri, 7, 23); // site.it_power
    assertTrue(attr.contains("site.it_power") && attr.contains("MW"), attr);
    assertTrue(attr.contains("prelude:kinds.tok"), attr);

    String unit = hover(uri, 1, 27); // GW
    assertTrue(unit.contains("unit") && unit.contains("power"), unit);
  }

  @Test
  void prevIsHoveredAndCompletedAndARecurrenceHasValues() throws Exception {
    String src = "timeline 2026 to 2028 yearly\nlet repay = min(prev(debt, initial: $100M), $40M)\n"
        + "let debt = prev(debt, initial: $100M) - repay\nreport debt as $M\n";
    String uri = open("p.tok", src);
    assertTrue(next().getDiagnostics().isEmpty());
    String fn = hover(uri, 2, 12); // "prev" in `let debt = prev(debt, …)`
    assertTrue(fn.contains("previous period"), fn);
    String value = hover(uri, 3, 8); // debt in `report debt as $M`
    assertTrue(value.contains("debt") && value.contains("60"), value);
    List<String> names = complete(uri, 2, 13);
    assertTrue(names.contains("prev"), names.toString());
  }

  @Test
  void aDiscreteParamIsHoveredAndCompleted() throws Exception {
    String uri = open("e.tok", "param delay = discrete([0 month: 60 %, 3 month: 40 %])\nreport delay as month\n");
    assertTrue(next().getDiagnostics().isEmpty());
    String fn = hover(uri, 0, 16); // "discrete"
    assertTrue(fn.contains("discrete([V1: P1, V2: P2, …])") && fn.contains("probability"), fn);
    String value = hover(uri, 1, 8); // delay in `report delay as month`
    assertTrue(value.contains("delay") && value.contains("0 month"), value);
    assertTrue(complete(uri, 0, 16).contains("discrete"));
  }

  @Test
  void hoverShowsAParamsDomain() throws Exception {
    String uri = open("d.tok", "param usage = 60 % within 20 % to 100 %\nreport usage as %\n");
    assertTrue(next().getDiagnostics().isEmpty());
    String h = hover(uri, 1, 8); // usage in `report usage as %`
    assertTrue(h.contains("within `20 % to 100 %`"), h);
  }

  @Test
  void aFirstDayAmountIsAWarningAndTimingCompletesItsWords() throws Exception {
    String text = "timeline 2026 to 2030 yearly\nlet flows = $13B/yr * dt - once($50B, at: 2026-01)\n"
        + "report v = npv(flows, 8 %) as $B\nreport w = npv(flows, 8 %, timing: )\n";
    String uri = open("w.tok", text.replace("report w = npv(flows, 8 %, timing: )\n", ""));
    List<Diagnostic> ds = next().getDiagnostics();
    assertEquals(1, ds.size(), ds.toString());
    assertEquals("TOK700", ds.get(0).getCode().getLeft());
    assertEquals(org.eclipse.lsp4j.DiagnosticSeverity.Warning, ds.get(0).getSeverity());
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent(text))));
    next();
    assertEquals(List.of("end", "mid", "start"), complete(uri, 3, 35));
  }

  @Test
  void completionOffersNamesAttributesAndUnsetParams() throws Exception {
    String uri = open("c.tok", MODEL);
    assertTrue(next().getDiagnostics().isEmpty());
    // While the user types, the text does not parse; the last version that did still serves.
    String text = MODEL + "let z = site.\ncluster other { chip = H100; f }\nlet w = cap\n";
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent(text))));
    assertTrue(!next().getDiagnostics().isEmpty());
    List<String> afterDot = complete(uri, 9, 13);
    assertTrue(afterDot.contains("it_power") && afterDot.contains("energy_price") && afterDot.contains("cost"), afterDot.toString());

    List<String> inBlock = complete(uri, 10, 30);
    assertTrue(inBlock.contains("facility_power"), inBlock.toString());
    assertTrue(!inBlock.contains("chip"), "chip is already set: " + inBlock);
    assertTrue(!inBlock.contains("it_power"), "a let cannot be set: " + inBlock);

    List<String> names = complete(uri, 11, 11);
    assertTrue(names.contains("capex") && names.contains("capex_per_gw"), names.toString());
  }

  @Test
  void completionOffersAFamilysMembersTheirAttributesAndTheKey() throws Exception {
    String model = """
        timeline 2026 to 2030 yearly
        purchase vintage[y in 2026 to 2028 yearly] { amount = $10B; at = y; life = 5 yr }
        report d = total(vintage.depreciation)
        """;
    String uri = open("f.tok", model);
    assertTrue(next().getDiagnostics().isEmpty());
    String text = model + "let a = vintage[\nlet b = vintage[2027].\npurchase other[k in 1 to 2] { amount = $1B; life = 5 yr; at = 2026-01 + \n";
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent(text))));
    assertTrue(!next().getDiagnostics().isEmpty());
    assertEquals(List.of("2026", "2027", "2028"), complete(uri, 3, 16));
    List<String> attrs = complete(uri, 4, 22);
    assertTrue(attrs.contains("depreciation") && attrs.contains("amount") && attrs.contains("cash"), attrs.toString());
    List<String> inTotal = complete(uri, 2, 25);
    assertTrue(inTotal.contains("depreciation"), inTotal.toString());
    List<String> inBlock = complete(uri, 5, 75);
    assertTrue(inBlock.contains("k") && inBlock.contains("amount"), inBlock.toString());
    String h = hover(uri, 2, 19); // `vintage` inside total(…)
    assertTrue(h.contains("vintage"), h);
  }

  @Test
  void hoverAndDefinitionOfAFamilysMemberByNameOrKey() throws Exception {
    String model = """
        timeline 2026 to 2030 yearly
        purchase vintage[y in 2026 to 2028 yearly] { amount = $10B * (y - 2025-01) / 1 yr; at = y; life = 5 yr }
        report d = vintage[2027].depreciation
        """;
    String uri = open("m.tok", model);
    assertEquals(List.of(), next().getDiagnostics());
    String onName = hover(uri, 2, 14); // `vintage` of vintage[2027]
    assertTrue(onName.contains("**member** `vintage[2027]` of the family `vintage` (kind `purchase`)"), onName);
    assertTrue(onName.contains("member 2 of 3: `y` = 2027"), onName);
    assertTrue(onName.contains("`amount` = `$20.00B`"), onName); // its own amount: $10B × 2
    assertEquals(onName, hover(uri, 2, 21)); // on the key
    String bad = open("n.tok", model + "report e = vintage[2031].amount\n");
    next();
    String notOne = hover(bad, 3, 21);
    assertTrue(notOne.contains("keys: 2026 to 2028"), notOne);
    for (int character : new int[] {14, 21}) {
      List<? extends Location> locs = server.getTextDocumentService()
          .definition(new DefinitionParams(new TextDocumentIdentifier(uri), new Position(2, character)))
          .get(10, TimeUnit.SECONDS).getLeft();
      assertEquals(List.of(new Location(uri, new Range(new Position(1, 9), new Position(1, 16)))), locs);
    }
  }

  @Test
  void definitionJumpsToTheDeclaration() throws Exception {
    String uri = open("d.tok", MODEL);
    next();
    List<? extends Location> locs = server.getTextDocumentService()
        .definition(new DefinitionParams(new TextDocumentIdentifier(uri), new Position(4, 22))) // `capex` in depreciation
        .get(10, TimeUnit.SECONDS).getLeft();
    assertEquals(1, locs.size());
    assertEquals(uri, locs.get(0).getUri());
    assertEquals(new Range(new Position(3, 4), new Position(3, 9)), locs.get(0).getRange());

    List<? extends Location> attr = server.getTextDocumentService()
        .definition(new DefinitionParams(new TextDocumentIdentifier(uri), new Position(5, 55))) // energy_price in the block
        .get(10, TimeUnit.SECONDS).getLeft();
    assertEquals(new Range(new Position(5, 53), new Position(5, 65)), attr.get(0).getRange());
  }

  private String hover(String uri, int line, int character) throws Exception {
    Hover h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character)))
        .get(10, TimeUnit.SECONDS);
    assertNotNull(h, "no hover at " + line + ":" + character);
    return h.getContents().getRight().getValue();
  }

  private List<String> complete(String uri, int line, int character) throws Exception {
    return lsp.complete(uri, line, character);
  }
}
