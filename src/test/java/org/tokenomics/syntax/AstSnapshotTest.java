package org.tokenomics.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A snapshot gives back trees equal to the parsed ones, and is used only when it is valid for
 * this code, these texts and the default limits; a damaged one is ignored.
 */
class AstSnapshotTest {
  private static List<Path> tokFiles() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("dsl/prelude", "dsl/std", "samples")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".tok")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  @Test
  void everyLibraryAndSampleFileComesBackEqual() throws Exception {
    List<TokFile> parsed = new ArrayList<>();
    for (Path p : tokFiles()) {
      TokFile f = new SyntaxParser().parse(new SourceFile("snap:" + p, Files.readString(p), false), new Diagnostics());
      if (f != null) {
        parsed.add(f);
      }
    }
    assertTrue(parsed.size() > 20, "files: " + parsed.size());
    List<TokFile> back = roundTrip(parsed);
    assertEquals(parsed.size(), back.size());
    for (int i = 0; i < parsed.size(); i++) {
      assertEquals(parsed.get(i).decls(), back.get(i).decls(), parsed.get(i).source().name());
      assertEquals(parsed.get(i).source().text(), back.get(i).source().text());
      assertEquals(parsed.get(i).source().name(), back.get(i).source().name());
    }
    // an object shared in the parsed trees is shared in the restored ones, and only then
    assertEquals(distinct(parsed), distinct(back));
  }

  @Test
  void aValidSnapshotIsWhatTheParserGives() {
    String text = "kind snap_rig {\n  param power = 10 kW\n  param pue = 1.2\n}\n";
    SourceFile source = new SourceFile("lib:snap_a.tok", text, true);
    TokFile parsed = new SyntaxParser().parse(new SourceFile("other:snap_a.tok", text, true), new Diagnostics());
    TokFile renamed = new TokFile(source, parsed.decls());
    byte[] bytes = AstSnapshot.write("stamp-1", List.of(renamed));
    assertEquals(List.of("lib:snap_a.tok"), AstSnapshot.restore(bytes, "stamp-1", Map.of("lib:snap_a.tok", text)));
    Diagnostics d = new Diagnostics();
    TokFile got = new SyntaxParser().parse(new SourceFile("lib:snap_a.tok", text, true), d);
    assertNotSame(renamed, got, "the snapshot's own tree, not the one written");
    assertEquals(parsed.decls(), got.decls());
    assertSame(got, new SyntaxParser().parse(new SourceFile("lib:snap_a.tok", text, true), new Diagnostics()));
    assertSame(got.source(), d.source("lib:snap_a.tok"));
  }

  @Test
  void anotherBuildAnotherTextOrDamageIsIgnored() {
    String text = "kind snap_other {\n  param power = 3 kW\n}\n";
    TokFile f = new SyntaxParser().parse(new SourceFile("lib:snap_b.tok", text, true), new Diagnostics());
    byte[] bytes = AstSnapshot.write("stamp-2", List.of(f));
    assertEquals(List.of(), AstSnapshot.restore(bytes, "stamp-3", Map.of("lib:snap_b.tok", text)));
    assertEquals(List.of(), AstSnapshot.restore(bytes, "stamp-2", Map.of("lib:snap_b.tok", text + "\n")));
    assertEquals(List.of(), AstSnapshot.restore(bytes, "stamp-2", Map.of()));
    for (int cut = 0; cut < bytes.length; cut += 7) {
      assertEquals(List.of(), AstSnapshot.restore(Arrays.copyOf(bytes, cut), "stamp-2", Map.of("lib:snap_b.tok", text)));
    }
    byte[] flipped = bytes.clone();
    for (int i = 40; i < flipped.length; i += 13) {
      flipped[i] ^= 0x5a;
    }
    List<String> kept = AstSnapshot.restore(flipped, "stamp-2", Map.of("lib:snap_b.tok", text));
    assertTrue(kept.isEmpty() || kept.equals(List.of("lib:snap_b.tok")));
    assertEquals(List.of("lib:snap_b.tok"), AstSnapshot.restore(bytes, "stamp-2", Map.of("lib:snap_b.tok", text)));
  }

  @Test
  void aFileParsedWithOtherLimitsIsNotTakenFromTheSnapshot() {
    String text = "param snap_nested = ((((1 kW))))\n";
    TokFile f = new SyntaxParser().parse(new SourceFile("lib:snap_c.tok", text, true), new Diagnostics());
    AstSnapshot.restore(AstSnapshot.write("s", List.of(f)), "s", Map.of("lib:snap_c.tok", text));
    Diagnostics small = new Diagnostics();
    assertEquals(null, new SyntaxParser(2, SyntaxParser.DEFAULT_MAX_NODES).parse(new SourceFile("lib:snap_c.tok", text, true), small));
    assertEquals("TOK600", small.all().get(0).code());
    assertNotNull(AstSnapshot.write("s", List.of()));
  }

  private static List<TokFile> roundTrip(List<TokFile> files) {
    return AstSnapshot.read(AstSnapshot.write("x", files), "x");
  }

  private static int distinct(List<TokFile> files) {
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    for (TokFile f : files) {
      walk(f, seen);
    }
    return seen.size();
  }

  private static void walk(Object o, Map<Object, Boolean> seen) {
    if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Character
        || seen.put(o, Boolean.TRUE) != null) {
      return;
    }
    if (o instanceof List<?> l) {
      l.forEach(e -> walk(e, seen));
    } else if (o instanceof Record r) {
      for (var c : r.getClass().getRecordComponents()) {
        try {
          var get = c.getAccessor();
          get.setAccessible(true);
          walk(get.invoke(r), seen);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }
}
