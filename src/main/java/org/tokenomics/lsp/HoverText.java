package org.tokenomics.lsp;

import java.nio.file.Path;

/**
 * The language server's hover for a place in a document, for front ends other than an LSP client
 * (the playground, {@code tok serve}): what the name there is, its dimension, its value and where
 * it is defined, as Markdown; null when there is nothing to say.
 */
public final class HoverText {
  private HoverText() {}

  /** The hover at {@code offset} (0-based, in characters) of {@code text}, the content of {@code file}. */
  public static String at(Path file, String text, int offset) {
    if (offset < 0 || offset > text.length()) {
      return null;
    }
    Analysis a = Analysis.of(file.toUri().toString(), text, null, file.toAbsolutePath().getParent());
    return Hovers.hover(a, Positions.wordAt(text, offset), offset);
  }
}
