package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;

/** A source file's lines and whitespace-free slices, against the JDK's and Commons Lang's own. */
class SourceFileProperties {
  @Property(tries = 300)
  void linesAreTheTextSplitAtNewlines(@ForAll @Chars({'\n', '\r', ' ', '\t', 'a', 'b', '\u00e9', '\u2028'}) String text) {
    SourceFile f = new SourceFile("t.tok", text, false);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String expected = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      assertEquals(expected, f.line(i + 1));
    }
    assertEquals("", f.line(lines.length + 1));
  }

  @Property(tries = 300)
  void aCompactSliceIsTheSliceWithoutWhitespace(
      @ForAll @Chars({' ', '\t', '\n', '\u000B', '\u001C', '\u00a0', '\u2003', '\u2028', 'x', '/', '$'}) @CharRange(from = 'A', to = 'C') String text,
      @ForAll @IntRange(max = 40) int from, @ForAll @IntRange(max = 40) int length) {
    SourceFile f = new SourceFile("t.tok", text, false);
    Span span = new Span("t.tok", 1, 1, 1, 1, from, from + length);
    assertEquals(org.apache.commons.lang3.StringUtils.deleteWhitespace(f.slice(span)), f.compactSlice(span));
  }
}
