package org.tokenomics.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.tokenomics.diag.Diagnostic;

/**
 * TOK203 in the editor (LANGUAGE.md §12): the diagnostic's own position is in the data file, which
 * the editor may not have open, so it is shown on the document's {@code csv("…")} call that reads
 * the file, with the data file's line and column as related information.
 */
final class DataDiagnostics {
  private static final Pattern CALL = Pattern.compile("csv\\s*\\(\\s*\"([^\"\\n]*)\"");

  private DataDiagnostics() {}

  /** Moves {@code lsp} (made for {@code d}) onto the call in {@code text} that reads {@code d}'s file, if there is one. */
  static void place(org.eclipse.lsp4j.Diagnostic lsp, Diagnostic d, String text, Path folder) {
    String data = fileName(d.file());
    Matcher m = CALL.matcher(text);
    while (m.find()) {
      if (data != null && data.equals(fileName(m.group(1)))) {
        lsp.setRange(new Range(position(text, m.start()), position(text, m.end())));
        if (folder != null && d.line() > 0) {
          Path file = Path.of(d.file()).isAbsolute() ? Path.of(d.file()) : folder.resolve(m.group(1)).normalize();
          Position at = new Position(d.line() - 1, Math.max(0, d.column() - 1));
          lsp.setRelatedInformation(List.of(new DiagnosticRelatedInformation(
              new Location(file.toUri().toString(), new Range(at, at)), d.message())));
        }
        return;
      }
    }
  }

  private static String fileName(String path) {
    if (path == null) {
      return null;
    }
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  private static Position position(String text, int offset) {
    int line = 0;
    int start = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        start = i + 1;
      }
    }
    return new Position(line, offset - start);
  }
}
