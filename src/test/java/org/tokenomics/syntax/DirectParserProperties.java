package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * The direct parser gives ANTLR's tree, spans and all, or gives up: on generated programs
 * (printed and re-spaced), on token soup, on the project's Tok files and on mutations of them,
 * at the default limits and at small ones. It must not give up on the files a run reads.
 */
class DirectParserProperties {
  private static final int[][] LIMITS = {{SyntaxParser.DEFAULT_MAX_NESTING, SyntaxParser.DEFAULT_MAX_NODES}, {3, 12}, {6, 40}};

  @Provide
  Arbitrary<List<Decl>> programs() {
    return Programs.files();
  }

  @Property(tries = 400)
  void generatedProgramsParseAsAntlrParsesThem(@ForAll("programs") List<Decl> decls, @ForAll long seed) {
    String text = Programs.respace(Printer.print(decls), seed);
    for (int[] limits : LIMITS) {
      assertSameAsAntlr(text, limits[0], limits[1]);
    }
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of(ParserNeverThrowsProperties.TOKENS).list().ofMinSize(0).ofMaxSize(30).map(l -> String.join(" ", l));
  }

  @Property(tries = 2000)
  void tokenSoupParsesAsAntlrParsesItOrGoesToAntlr(@ForAll("soup") String text) {
    for (int[] limits : LIMITS) {
      assertSameAsAntlr(text, limits[0], limits[1]);
    }
  }

  @Property(tries = 600)
  void mutatedFilesParseAsAntlrParsesThemOrGoToAntlr(@ForAll("files") Path file, @ForAll long seed) {
    String text = mutate(TestSources.read(file), new Random(seed));
    for (int[] limits : LIMITS) {
      assertSameAsAntlr(text, limits[0], limits[1]);
    }
  }

  @Provide
  Arbitrary<Path> files() {
    return Arbitraries.of(TestSources.all());
  }

  @Example
  void everyTokFileOfTheProjectParsesDirectly() {
    List<Path> files = TestSources.all();
    assertTrue(files.size() > 20);
    List<Path> gaveUp = new ArrayList<>();
    for (Path p : files) {
      String text = TestSources.read(p);
      TokFile antlr = antlr(text, SyntaxParser.DEFAULT_MAX_NESTING, SyntaxParser.DEFAULT_MAX_NODES);
      assertSameAsAntlr(text, SyntaxParser.DEFAULT_MAX_NESTING, SyntaxParser.DEFAULT_MAX_NODES);
      if (antlr != null && direct(text, SyntaxParser.DEFAULT_MAX_NESTING, SyntaxParser.DEFAULT_MAX_NODES) == null) {
        gaveUp.add(p);
      }
    }
    // the prelude, the std modules and the samples are read on every run: ANTLR's parser must not be needed
    assertEquals(List.of(), gaveUp.stream().filter(p -> !p.toString().contains("conformance")).toList());
  }

  @Example
  void theCornersOfTheGrammarParseAsAntlrParsesThem() {
    for (String text : List.of("param a = -b^c * d + e", "let a = not x and y or z == w", "let a = x == not y < z",
        "report a * (b + c) / d - e as $B/yr", "report f(x, by: 2, to: 3)[1].k", "let a = 1 + if c then 2 else 3 * 4",
        "let a = 5 m^2 + 3 m^-2 / 2 %", "let a = 5 kW\nlet b = 6 $", "scenario s { a = 5 b = 6 }", "scenario s { a = 5; b = 6 }",
        "let k = [2026: $10B, 2027-07: $20B,]", "chip h { power = 700 W }", "chip h[y in 2026 to 2030 yearly] { p = y }",
        "chip h[i in -2 to 3] { p = i }", "solve s for a.b so that x == y within 0 to 1", "correlate a, b[2027].c = 0.5",
        "timeline 2026-01 to 2030 monthly", "fn f(a: $, b = 2) = a * b", "kind k { param a: W = 1 W; let b = a * 2 }",
        "unit rack = 72 GPU", "unit token", "import \"std:chips\"", "amends \"base.tok\"", "assert a < b \"a \\\"q\\\" x\"",
        "report x = a - -b", "let a = x.y.z[1][2]", "let a = 1 < 2 < 3", "let a = 1e309", "let a = ((((1))))",
        "let a = " + "b + ".repeat(40) + "c", "let a = " + "b * c - ".repeat(40) + "d", "let a = 2^3^4", "let a = 5 kW.x",
        "report 5 $ / GPU / h", "let a = 5\n% b", "let a = f(a:1)(2)", ";;let a = 1;")) {
      for (int[] limits : LIMITS) {
        assertSameAsAntlr(text, limits[0], limits[1]);
      }
    }
  }

  private static void assertSameAsAntlr(String text, int maxNesting, int maxNodes) {
    TokFile direct = direct(text, maxNesting, maxNodes);
    Statistics.label("limits " + maxNesting).collect(direct == null ? "to ANTLR" : "direct");
    if (direct == null) {
      return; // ANTLR parses it, as before
    }
    Diagnostics diags = new Diagnostics();
    TokFile antlr = new SyntaxParser(maxNesting, maxNodes).parseText(new SourceFile("t.tok", text, false), diags, false);
    assertEquals(List.of(), diags.all(), text);
    assertNotNull(antlr, text);
    assertEquals(describe(antlr.decls()), describe(direct.decls()), text);
  }

  private static TokFile direct(String text, int maxNesting, int maxNodes) {
    SourceFile source = new SourceFile("t.tok", text, false);
    CommonTokenStream tokens = new CommonTokenStream(TokenScanner.scan(text, "t.tok"));
    tokens.fill();
    return DirectParser.file(source, tokens.getTokens(), maxNesting, maxNodes);
  }

  private static TokFile antlr(String text, int maxNesting, int maxNodes) {
    return new SyntaxParser(maxNesting, maxNodes).parseText(new SourceFile("t.tok", text, false), new Diagnostics(), false);
  }

  /** Everything in a tree, spans included (a Span's equals ignores where it is). */
  private static String describe(Object o) {
    StringBuilder out = new StringBuilder();
    describe(o, out);
    return out.toString();
  }

  private static void describe(Object o, StringBuilder out) {
    if (o instanceof Span s) {
      out.append('@').append(s.file()).append(':').append(s.line()).append(':').append(s.column()).append('-')
          .append(s.endLine()).append(':').append(s.endColumn()).append('[').append(s.start()).append(',').append(s.end())
          .append(']');
    } else if (o instanceof List<?> l) {
      out.append('[');
      for (Object e : l) {
        describe(e, out);
        out.append(", ");
      }
      out.append(']');
    } else if (o instanceof Record r) {
      out.append(r.getClass().getSimpleName()).append('(');
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          describe(c.getAccessor().invoke(r), out);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        out.append("; ");
      }
      out.append(')');
    } else if (o instanceof Double d) {
      out.append(Double.doubleToRawLongBits(d)).append('d');
    } else {
      out.append(o);
    }
  }

  /** The text with a few tokens' worth of characters deleted, doubled or swapped, at random. */
  private static String mutate(String text, Random rnd) {
    StringBuilder s = new StringBuilder(text);
    List<String> inserts = List.of("(", ")", "-", "not ", " if ", "==", "<", "[", "]", ",", ":", "\n", " x ", "5", " kW ",
        "^2", ".", ";", "{", "}", "$", "%", " and ", "\"");
    int edits = 1 + rnd.nextInt(3);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = rnd.nextInt(s.length());
      switch (rnd.nextInt(3)) {
        case 0 -> s.delete(at, Math.min(s.length(), at + 1 + rnd.nextInt(4)));
        case 1 -> s.insert(at, inserts.get(rnd.nextInt(inserts.size())));
        default -> s.replace(at, Math.min(s.length(), at + 1), inserts.get(rnd.nextInt(inserts.size())));
      }
    }
    return s.toString();
  }
}
