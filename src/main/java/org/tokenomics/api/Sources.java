package org.tokenomics.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.SafetyMessages;

/** Reading a user's source file within the size limit, and what may be shown of other files. */
public final class Sources {
  private Sources() {}

  /**
   * The file's text, or null when it has more than {@code maxChars} characters. Reads at most
   * {@code maxChars + 1} characters whatever the file is (a 1.5 GB file, a named pipe, a device):
   * the size is never trusted and the whole file is never held.
   */
  public static String read(Path file, long maxChars) throws IOException {
    return org.tokenomics.syntax.SourceReader.read(file, maxChars);
  }

  /**
   * The diagnostics with any about a file that is not Tok source (an import of {@code
   * secret.properties}) replaced by one that names the file and quotes nothing of it: its tokens
   * and lines would otherwise reach whoever sees the diagnostics. Tok source is a {@code .tok}
   * file, the main source and a module ({@code std:chips}, {@code acme:x}).
   */
  public static List<Diagnostic> withoutForeignText(List<Diagnostic> diagnostics, String mainName) {
    List<Diagnostic> out = new ArrayList<>(diagnostics.size());
    Set<String> said = new HashSet<>();
    for (Diagnostic d : diagnostics) {
      String f = d.file();
      if (f == null || f.equals(mainName) || f.endsWith(".tok") || f.contains(":") && !f.matches("^[A-Za-z]:[\\\\/].*")) {
        out.add(d);
      } else if (d.code().equals(Code.TOK203.name()) && f.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
        out.add(d); // a data file the model reads with csv(…) (LANGUAGE.md §12): its bad cell is the point
      } else if (d.code().equals(Code.TOK203.name()) && said.add(f)) {
        out.add(new Diagnostic(d.severity(), d.code(), "'" + f + "' cannot be read as csv (its content is not shown)", f,
            0, 0, 0, 0, "csv reads comma-separated files named *.csv", null, null));
      } else if (said.add(f)) {
        out.add(new Diagnostic(d.severity(), Code.TOK202.name(), SafetyMessages.notTok(f), f, 0, 0, 0, 0,
            SafetyMessages.notTokHelp(), null, null));
      }
    }
    return out;
  }
}
