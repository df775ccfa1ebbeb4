package org.tokenomics.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tokenomics.Compilation;
import org.tokenomics.Tokenomics;

/** Shared by the commands: the compiler (with the plugins found) and compiling the file the user named. */
final class Session {
  private Session() {}

  /** The compiler with imports held inside {@code root} (null: the file's folder); null after printing why. */
  static Tokenomics tokenomics(Path root, PrintWriter err) {
    Tokenomics.Builder b = Tokenomics.builder();
    if (root != null) {
      b.root(root);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) { // a misconfigured plugin
      err.println("tok: " + e.getMessage());
      return null;
    }
  }

  /** Compiles {@code file}; null (after printing why) when the file cannot be read. */
  static Compilation compile(Path file, Path root, PrintWriter err) {
    if (!Files.isRegularFile(file)) {
      err.println("tok: no such file: " + file);
      return null;
    }
    Tokenomics tok = tokenomics(root, err);
    return tok == null ? null : tok.compile(file);
  }
}
