package org.tokenomics.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tokenomics.diag.Code;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;

/**
 * The data files of one compile (LANGUAGE.md §12): {@code csv} paths resolve like imports
 * ({@link Loader#resolveData}: relative to the calling file, inside the root, TOK202), a file larger
 * than the source limit is TOK600 before it is read, and a file that cannot be read as the call
 * says is TOK203 at the data file's own line and column (its text joins the diagnostics' sources,
 * so the line is shown). Each file is read and parsed once per compile; each problem is reported once.
 */
final class DataFiles {
  /** A column read from a file: its rows' dates (model time) and numbers, and the name shown for the file. */
  record Column(double[] dates, double[] values, String file) {}

  /** For checkers that must not read files (overrides): every csv call is TOK202. */
  static final DataFiles NONE = new DataFiles(null, null, 0);

  private final Loader loader;
  private final Diagnostics diags;
  private final long maxBytes;
  private final Map<Path, Object> parsed = new HashMap<>();
  private final Set<String> reported = new HashSet<>();

  DataFiles(Loader loader, Diagnostics diags, long maxBytes) {
    this.loader = loader;
    this.diags = diags;
    this.maxBytes = maxBytes;
  }

  /** The column {@code name} of the file {@code path} (written at {@code at}); null after reporting. */
  Column read(Checker ck, Ctx ctx, String path, Span at, String name, Span nameAt) {
    if (loader == null) {
      ck.error(ctx, Code.TOK202, at, "csv cannot read '" + path + "' here: data files are read when the model compiles",
          "read the file in the model (let x = csv(…)) and refer to it, or declare the choices as scenarios");
      return null;
    }
    Path file = loader.resolveData(path, at);
    if (file == null) {
      return null;
    }
    String shown = loader.shownName(file);
    Object table = parsed.computeIfAbsent(file, f -> load(f, shown, at));
    if (!(table instanceof CsvTable t)) {
      return null; // reported when it was read
    }
    int c = t.indexOf(name);
    if (c < 0) {
      String[] header = t.header();
      java.util.List<String> names = java.util.Arrays.asList(header).subList(1, header.length);
      String near = org.tokenomics.diag.Suggest.closest(name, names);
      report(shown, null, t.atHeader("no column '" + name + "' in " + shown, near != null ? "did you mean \"" + near + "\"?"
          : "its columns: " + String.join(", ", names)), "column:" + name);
      return null;
    }
    Object values = t.column(c);
    if (values instanceof CsvTable.Problem p) {
      report(shown, null, p, "column:" + name);
      return null;
    }
    return new Column(t.dates(), (double[]) values, shown);
  }

  /** Reads and parses a file: a {@link CsvTable}, or {@link Boolean#FALSE} after reporting. */
  private Object load(Path file, String shown, Span at) {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        diags.error(Code.TOK600, at, shown + " is larger than the limit of " + maxBytes + " bytes (limit: max source size "
            + maxBytes + ")", "keep the rows the model needs, or aggregate them into fewer rows");
        return Boolean.FALSE;
      }
      byte[] bytes = Files.readAllBytes(file);
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        report(shown, "", new CsvTable.Problem(1, 1, 0, 0, "this is not a UTF-8 text file", "csv reads comma-separated text"), "");
        return Boolean.FALSE;
      }
      CsvTable.Parsed p = CsvTable.parse(text);
      if (p.problem() != null) {
        report(shown, text.indexOf('\0') >= 0 ? "" : text, p.problem(), ""); // binary is never echoed
        return Boolean.FALSE;
      }
      texts.put(shown, text);
      return p.table();
    } catch (IOException | RuntimeException e) {
      diags.error(Code.TOK202, at, "cannot read '" + shown + "'", null);
      return Boolean.FALSE;
    }
  }

  private final Map<String, String> texts = new HashMap<>();

  /** TOK203 at the data file's position; the file's text is registered so its line is shown. */
  private void report(String shown, String text, CsvTable.Problem p, String what) {
    if (!reported.add(shown + "\n" + what)) {
      return;
    }
    String source = text != null ? text : texts.get(shown);
    if (source != null && diags.source(shown) == null) {
      diags.addSource(new SourceFile(shown, source, false));
    }
    int endColumn = p.column() + Math.max(1, p.end() - p.start());
    diags.error(Code.TOK203, new Span(shown, p.line(), p.column(), p.line(), endColumn, p.start(), p.end()),
        p.message(), p.help());
  }
}
