package org.tokenomics.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenomics.syntax.AstSnapshot;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.SyntaxParser;

/** The launcher's prelude snapshot holds this prelude, and is refused when it is not this build's. */
class PreludeSnapshotTest {
  @TempDir
  Path dir;

  @Test
  void theSnapshotHoldsEveryPreludeFileAsParsed() {
    Map<String, String> texts = PreludeSnapshot.texts();
    assertEquals(Toolchain.PRELUDE.size(), texts.size());
    byte[] bytes = PreludeSnapshot.bytes("build-1");
    assertEquals(List.copyOf(texts.keySet()), AstSnapshot.restore(bytes, "build-1", texts));
    // what a compile now gets for each file is the parsed tree
    texts.forEach((name, text) -> assertEquals(
        new SyntaxParser(3 * SyntaxParser.DEFAULT_MAX_NESTING, SyntaxParser.DEFAULT_MAX_NODES)
            .parse(new SourceFile(name, text, true), new Diagnostics()).decls(),
        new SyntaxParser().parse(new SourceFile(name, text, true), new Diagnostics()).decls(), name));
    assertEquals(List.of(), AstSnapshot.restore(bytes, "build-2", texts));
  }

  @Test
  void withoutAJarOrAPropertyNothingIsRead() throws Exception {
    // the tests run from target/classes: no code stamp, so no snapshot is ever trusted
    Path file = dir.resolve("tok.prelude");
    Files.write(file, PreludeSnapshot.bytes("whatever"));
    String before = System.getProperty(PreludeSnapshot.PROPERTY);
    try {
      System.setProperty(PreludeSnapshot.PROPERTY, file.toString());
      assertEquals(List.of(), PreludeSnapshot.load());
      System.clearProperty(PreludeSnapshot.PROPERTY);
      assertEquals(List.of(), PreludeSnapshot.load());
    } finally {
      if (before != null) {
        System.setProperty(PreludeSnapshot.PROPERTY, before);
      }
    }
    Toolchain.warmUp(); // and the warm-up parses as before
  }
}
