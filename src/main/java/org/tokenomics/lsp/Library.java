package org.tokenomics.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.SyntaxParser;
import org.tokenomics.syntax.TokFile;

/** The Tok files that ship in the library (the prelude and {@code std:} modules), parsed once. */
final class Library {
  static final List<String> PRELUDE = List.of("prelude:kinds.tok", "prelude:contracts.tok");
  private static final Map<String, TokFile> CACHE = new ConcurrentHashMap<>();

  private Library() {}

  /** A library file by its name ({@code prelude:kinds.tok}, {@code std:chips}); null if there is none. */
  static TokFile file(String name) {
    TokFile cached = CACHE.get(name);
    if (cached != null) {
      return cached;
    }
    String path;
    if (name.startsWith("prelude:")) {
      path = "prelude/" + name.substring(8);
    } else if (name.startsWith("std:") && name.substring(4).matches("[A-Za-z0-9_]+")) {
      path = "std/" + name.substring(4) + ".tok";
    } else {
      return null;
    }
    try (InputStream in = Library.class.getResourceAsStream("/org/tokenomics/dsl/" + path)) {
      if (in == null) {
        return null;
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      TokFile f = new SyntaxParser().parse(new SourceFile(name, text, true), new Diagnostics());
      if (f != null) {
        CACHE.put(name, f);
      }
      return f;
    } catch (IOException e) {
      return null;
    }
  }
}
