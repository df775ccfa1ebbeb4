package org.tokenomics.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.syntax.AstSnapshot;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.SyntaxParser;
import org.tokenomics.syntax.TokFile;

/**
 * The prelude's parsed trees in a file ({@code target/tok.prelude}), which the {@code ./tok}
 * launcher writes once per build beside its class-data archive and names to each command with
 * {@code -Dtok.prelude.snapshot=FILE}: {@link Toolchain#warmUp} then reads the trees instead of
 * parsing the prelude (issue 22). {@link AstSnapshot} says when a snapshot is refused.
 */
public final class PreludeSnapshot {
  /** The system property naming the snapshot file. */
  static final String PROPERTY = "tok.prelude.snapshot";

  private PreludeSnapshot() {}

  /**
   * Writes the prelude's snapshot for the jar this class was loaded from.
   *
   * @param args the file to write
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    String stamp = AstSnapshot.codeStamp();
    if (args.length != 1 || stamp == null) {
      System.err.println("usage: java -cp tok.jar " + PreludeSnapshot.class.getName() + " FILE (from the jar only)");
      System.exit(2);
    }
    Files.write(Path.of(args[0]), bytes(stamp));
  }

  /** The snapshot of the prelude, parsed now, for code of this stamp. */
  static byte[] bytes(String stamp) {
    List<TokFile> files = new ArrayList<>();
    texts().forEach((name, text) -> {
      Diagnostics d = new Diagnostics();
      TokFile f = new SyntaxParser().parse(new SourceFile(name, text, true), d);
      if (f == null || !d.all().isEmpty()) {
        throw new IllegalStateException("the prelude file " + name + " does not parse cleanly");
      }
      files.add(f);
    });
    return AstSnapshot.write(stamp, files);
  }

  /** The prelude's files by name, as the toolchain reads them. */
  static Map<String, String> texts() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String f : Toolchain.PRELUDE) {
      texts.put("prelude:" + f, Toolchain.resource("prelude/" + f));
    }
    return texts;
  }

  /**
   * Keeps the prelude files of the snapshot named by the system property, when it is valid for
   * this code and this prelude; the names of the files kept (the others are parsed as usual).
   */
  static List<String> load() {
    String file = System.getProperty(PROPERTY);
    String stamp = file == null ? null : AstSnapshot.codeStamp();
    if (stamp == null) {
      return List.of();
    }
    try {
      return AstSnapshot.restore(Files.readAllBytes(Path.of(file)), stamp, texts());
    } catch (IOException | RuntimeException e) {
      return List.of(); // no snapshot, or an unreadable one: parse
    }
  }
}
