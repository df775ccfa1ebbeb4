package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Library files are parsed once per process, by name, text and limits; nothing else changes. */
class LibraryParseCacheTest {
  private static final String KINDS = "kind cache_test_rig {\n  param power = 10 kW\n}\n";

  @Test
  void aLibraryFileIsParsedOnceAndItsSourceKnownToEachCompile() {
    SourceFile a = new SourceFile("lib:cache_a.tok", KINDS, true);
    Diagnostics first = new Diagnostics();
    TokFile one = new SyntaxParser().parse(a, first);
    Diagnostics second = new Diagnostics();
    TokFile two = new SyntaxParser().parse(new SourceFile("lib:cache_a.tok", KINDS, true), second);
    assertNotNull(one);
    assertSame(one, two);
    // the second compile's diagnostics can still quote the file
    assertSame(one.source(), second.source("lib:cache_a.tok"));
    assertEquals(List.of(), second.all());
  }

  @Test
  void anotherTextNameOrLimitIsAnotherParse() {
    TokFile base = new SyntaxParser().parse(new SourceFile("lib:cache_b.tok", KINDS, true), new Diagnostics());
    TokFile edited = new SyntaxParser().parse(new SourceFile("lib:cache_b.tok", KINDS + "param x = 1\n", true),
        new Diagnostics());
    TokFile renamed = new SyntaxParser().parse(new SourceFile("lib:cache_c.tok", KINDS, true), new Diagnostics());
    assertNotSame(base, edited);
    assertEquals(base.decls().size() + 1, edited.decls().size());
    assertEquals("lib:cache_c.tok", renamed.source().name());
    // a host with a smaller nesting limit gets its TOK600 even though the file was parsed before
    String nested = "param cache_nested = ((((1 kW))))\n";
    assertNotNull(new SyntaxParser().parse(new SourceFile("lib:cache_d.tok", nested, true), new Diagnostics()));
    Diagnostics small = new Diagnostics();
    assertNull(new SyntaxParser(2, SyntaxParser.DEFAULT_MAX_NODES).parse(new SourceFile("lib:cache_d.tok", nested, true),
        small));
    assertEquals("TOK600", small.all().get(0).code());
  }

  @Test
  void aFileWithErrorsReportsThemEveryTime() {
    String bad = "kind broken {\n  param = \n}\n";
    for (int i = 0; i < 2; i++) {
      Diagnostics d = new Diagnostics();
      assertNull(new SyntaxParser().parse(new SourceFile("lib:cache_bad.tok", bad, true), d));
      assertEquals("TOK100", d.all().get(0).code(), "parse " + (i + 1));
    }
  }

  @Test
  void aModelFileIsNeverKept() {
    String text = "param cache_model = 3 kW\n";
    TokFile one = new SyntaxParser().parse(new SourceFile("model.tok", text, false), new Diagnostics());
    TokFile two = new SyntaxParser().parse(new SourceFile("model.tok", text, false), new Diagnostics());
    assertNotSame(one, two);
    assertEquals(one.decls(), two.decls());
  }

  @Test
  void twoThreadsAskingForOneFileGetOneParse() throws Exception {
    // large enough that the two parses overlap: without the wait they would give two trees
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      text.append("param cache_big_").append(i).append(" = ").append(i).append(" kW * 2 + 1 kW\n");
    }
    SourceFile source = new SourceFile("lib:cache_big.tok", text.toString(), true);
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Callable<TokFile> parse = () -> {
        start.await();
        return new SyntaxParser().parse(source, new Diagnostics());
      };
      var a = pool.submit(parse);
      var b = pool.submit(parse);
      assertNotNull(a.get());
      org.junit.jupiter.api.Assertions.assertTrue(a.get() == b.get(), "two trees: the file was parsed twice");
      assertEquals(1500, a.get().decls().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThreadThatWaitedForAFileWithErrorsGetsItsOwnDiagnostics() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 800; i++) {
      text.append("param cache_bad_").append(i).append(" = ").append(i).append(" kW\n");
    }
    text.append("param = \n");
    SourceFile source = new SourceFile("lib:cache_bad_big.tok", text.toString(), true);
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Callable<Diagnostics> parse = () -> {
        start.await();
        Diagnostics d = new Diagnostics();
        assertNull(new SyntaxParser().parse(source, d));
        return d;
      };
      var a = pool.submit(parse);
      var b = pool.submit(parse);
      assertEquals("TOK100", a.get().all().get(0).code());
      assertEquals("TOK100", b.get().all().get(0).code());
      assertEquals(a.get().all().get(0).line(), b.get().all().get(0).line());
      assertEquals(801, a.get().all().get(0).line());
    } finally {
      pool.shutdownNow();
    }
  }
}
