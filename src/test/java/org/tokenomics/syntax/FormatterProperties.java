package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** fmt(fmt(x)) = fmt(x) and parse(fmt(x)) = parse(x), over generated programs and the samples. */
class FormatterProperties {

  @Provide
  Arbitrary<List<Decl>> programs() {
    return Programs.files();
  }

  @Property(tries = 300)
  void printingThenParsingGivesTheSameAst(@ForAll("programs") List<Decl> decls) {
    String text = Printer.print(decls);
    assertEquals(decls, TestSources.parse(text), text);
  }

  @Property(tries = 300)
  void formattingKeepsMeaningAndIsIdempotent(@ForAll("programs") List<Decl> decls, @ForAll long seed) {
    String printed = Printer.print(decls);
    check(printed);
    String messy = Programs.respace(printed, seed);
    check(messy);
  }

  @Property(tries = 100)
  void respacedSamplesFormatToTheSameAst(@ForAll("samples") Path sample, @ForAll long seed) {
    check(Programs.respace(TestSources.read(sample), seed));
  }

  @Provide
  Arbitrary<Path> samples() {
    return net.jqwik.api.Arbitraries.of(TestSources.all().stream()
        .filter(p -> TestSources.parse(TestSources.read(p)) != null).toList());
  }

  private static void check(String text) {
    List<Decl> before = TestSources.parse(text);
    assertNotNull(before, () -> "the input does not parse: " + Formatter.format("t.tok", text).diagnostics() + "\n" + text);
    Formatter.Result once = Formatter.format("t.tok", text);
    assertTrue(once.ok(), () -> once.diagnostics() + "\n" + text);
    assertEquals(before, TestSources.parse(once.text()), () -> "AST changed:\n" + text + "\n---\n" + once.text());
    String twice = Formatter.format("t.tok", once.text()).text();
    assertEquals(once.text(), twice, () -> "not idempotent:\n" + text + "\n---\n" + once.text());
  }
}
