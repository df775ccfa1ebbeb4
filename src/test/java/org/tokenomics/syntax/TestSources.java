package org.tokenomics.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tokenomics.syntax.Diagnostics;

/** The project's own Tok files (samples, prelude, std) and the shared conformance cases when present. */
final class TestSources {
  private TestSources() {}

  static List<Path> all() {
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("samples", "dsl", "../shared/conformance/cases")) {
      Path d = Path.of(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(p -> p.toString().endsWith(".tok")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The declarations of a source, or null when it has syntax errors. */
  static List<Decl> parse(String text) {
    TokFile f = new SyntaxParser().parse(new SourceFile("t.tok", text, false), new Diagnostics());
    return f == null ? null : f.decls();
  }
}
