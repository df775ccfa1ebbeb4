package org.tokenomics.syntax;

import java.util.List;

/** A parsed file: its source and its declarations in source order. */
public record TokFile(SourceFile source, List<Decl> decls) {
  public TokFile {
    decls = List.copyOf(decls);
  }
}
