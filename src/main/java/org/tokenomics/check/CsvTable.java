package org.tokenomics.check;

import java.util.Arrays;
import org.tokenomics.time.Dates;

/**
 * A comma-separated data file as {@code csv(…)} reads it (LANGUAGE.md §12): a header row, then one
 * row per line whose first cell is a date ({@code 2026}, {@code 2026-Q3}, {@code 2026-07},
 * {@code 2026-07-15}) strictly later than the row before. Cells may be quoted ({@code "…"}, with
 * {@code ""} for a quote; a quoted cell stays on its line); blank lines are skipped; a byte-order
 * mark is ignored. Cells are kept as offsets into the text (a file of 100,000 rows holds no
 * 300,000 strings), and a column's numbers are read when a call asks for it.
 */
final class CsvTable {
  /**
   * Why a file cannot be read: 1-based line and column, and the character range in the text.
   *
   * @param line    the data file's line
   * @param column  the data file's column
   * @param start   offset of the bad text
   * @param end     offset just after it
   * @param message what is wrong
   * @param help    how to fix it (or null)
   */
  record Problem(int line, int column, int start, int end, String message, String help) {}

  /** A parse that either gives a table or the first problem. */
  record Parsed(CsvTable table, Problem problem) {}

  private final String text;
  private final String[] header;
  private final int[] headerStarts;
  private final int columns;
  private final int rows;
  private final int[] lines;
  private final int[] lineStarts;
  /** Per row, per column: where the cell's content starts and ends (quotes excluded). */
  private final int[] starts;
  private final int[] ends;
  private final boolean[] quoted;
  private final double[] dates;

  private CsvTable(String text, String[] header, int[] headerStarts, int rows, int[] lines, int[] lineStarts,
                   int[] starts, int[] ends, boolean[] quoted, double[] dates) {
    this.text = text;
    this.header = header;
    this.headerStarts = headerStarts;
    this.columns = header.length;
    this.rows = rows;
    this.lines = lines;
    this.lineStarts = lineStarts;
    this.starts = starts;
    this.ends = ends;
    this.quoted = quoted;
    this.dates = dates;
  }

  /** The rows' dates (model time), strictly increasing. */
  double[] dates() {
    return dates.clone();
  }

  /** The header's names. */
  String[] header() {
    return header.clone();
  }

  /** Where the header's first cell starts (for "no such column"). */
  Problem atHeader(String message, String help) {
    int end = text.indexOf('\n', headerStarts[0]);
    return new Problem(1, 1, headerStarts[0], end < 0 ? text.length() : end, message, help);
  }

  /**
   * The numbers of column {@code c} (≥ 1), or a problem at the first cell that is not a plain number
   * (an empty cell included).
   */
  Object column(int c) {
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      int i = r * columns + c;
      String cell = text.substring(starts[i], ends[i]).strip();
      double v = number(cell);
      if (Double.isNaN(v)) {
        int line = lines[r];
        int col = starts[i] - lineStarts[r] + 1 - (quoted[i] ? 1 : 0);
        return new Problem(line, col, starts[i], Math.max(ends[i], starts[i] + 1) + (quoted[i] ? 1 : 0),
            (cell.isEmpty() ? "an empty cell" : "'" + shorten(cell) + "' is not a number") + " in column '"
                + header[c] + "' (cell " + (c + 1) + " of the row dated " + text.substring(starts[r * columns], ends[r * columns]).strip() + ")", "write a plain number such as 2.40 (no units, no thousands separators); give the unit in the model: csv(…) * 1 $/GPU/h");
      }
      out[r] = v;
    }
    return out;
  }

  /** A plain decimal number, or NaN. */
  static double number(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return Double.NaN;
    }
    int i = 0;
    int n = s.length();
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exp = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        exp++;
      }
      if (exp == 0) {
        return Double.NaN;
      }
    }
    if (i != n) {
      return Double.NaN;
    }
    double v = Double.parseDouble(s);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /** The column named {@code name} (0 is the dates), or −1. */
  int indexOf(String name) {
    for (int c = 1; c < columns; c++) {
      if (header[c].equals(name)) {
        return c;
      }
    }
    return -1;
  }

  /** Reads {@code text}; never throws for any input. */
  static Parsed parse(String text) {
    try {
      return new Reader(text).read();
    } catch (BadFile e) {
      return new Parsed(null, e.problem);
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static final class BadFile extends Exception {
    final Problem problem;

    BadFile(Problem problem) {
      super(null, null, false, false);
      this.problem = problem;
    }
  }

  /** One pass over the text: lines, cells (offsets), dates. */
  private static final class Reader {
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private int cells;

    Reader(String text) {
      this.text = text;
      if (text.startsWith("\uFEFF")) {
        pos = 1;
        lineStart = 1;
      }
    }

    Parsed read() throws BadFile {
      if (text.indexOf('\0') >= 0) {
        throw new BadFile(new Problem(1, 1, 0, Math.min(1, text.length()), "this is not a text file", "csv reads comma-separated text"));
      }
      skipBlankLines();
      if (pos >= text.length()) {
        throw new BadFile(new Problem(1, 1, 0, 0, "the file is empty", "write a header row such as date,h100 and one row per date"));
      }
      int headerLine = line;
      int headerStart = lineStart;
      int columns = row();
      String[] header = new String[columns];
      int[] headerStarts = new int[columns];
      for (int c = 0; c < columns; c++) {
        header[c] = text.substring(starts[c], ends[c]).strip();
        headerStarts[c] = starts[c];
      }
      if (columns < 2) {
        throw new BadFile(new Problem(headerLine, 1, headerStart, Math.max(headerStart + 1, ends[0]),
            "the header names one column; csv needs the dates and at least one column of numbers", "e.g. date,h100"));
      }
      int cap = 16;
      int[] rowStarts = new int[cap * columns];
      int[] rowEnds = new int[cap * columns];
      boolean[] rowQuoted = new boolean[cap * columns];
      int[] lines = new int[cap];
      int[] lineStarts = new int[cap];
      double[] dates = new double[cap];
      int rows = 0;
      while (true) {
        skipBlankLines();
        if (pos >= text.length()) {
          break;
        }
        int at = line;
        int from = lineStart;
        int n = row();
        if (n != columns) {
          throw new BadFile(new Problem(at, 1, from, lineEnd(from), "this row has " + n + " cell" + (n == 1 ? "" : "s")
              + ", the header " + columns, "give every row one cell per header column"));
        }
        if (rows == cap) {
          cap *= 2;
          rowStarts = Arrays.copyOf(rowStarts, cap * columns);
          rowEnds = Arrays.copyOf(rowEnds, cap * columns);
          rowQuoted = Arrays.copyOf(rowQuoted, cap * columns);
          lines = Arrays.copyOf(lines, cap);
          lineStarts = Arrays.copyOf(lineStarts, cap);
          dates = Arrays.copyOf(dates, cap);
        }
        System.arraycopy(starts, 0, rowStarts, rows * columns, columns);
        System.arraycopy(ends, 0, rowEnds, rows * columns, columns);
        System.arraycopy(quoted, 0, rowQuoted, rows * columns, columns);
        lines[rows] = at;
        lineStarts[rows] = from;
        String cell = text.substring(starts[0], ends[0]).strip();
        double date = date(cell);
        int col = starts[0] - from + 1 - (quoted[0] ? 1 : 0);
        if (Double.isNaN(date)) {
          throw new BadFile(new Problem(at, col, starts[0], Math.max(ends[0], starts[0] + 1),
              (cell.isEmpty() ? "an empty date" : "'" + shorten(cell) + "' is not a date"),
              "write dates as 2026, 2026-Q3, 2026-07 or 2026-07-15"));
        }
        if (rows > 0 && !(date > dates[rows - 1])) {
          throw new BadFile(new Problem(at, col, starts[0], Math.max(ends[0], starts[0] + 1), "the date " + cell
              + " does not come after the row before (line " + lines[rows - 1] + ")", "sort the rows by date, one row per date"));
        }
        dates[rows] = date;
        rows++;
      }
      if (rows == 0) {
        throw new BadFile(new Problem(headerLine, 1, headerStart, lineEnd(headerStart), "the file has a header but no rows", null));
      }
      return new Parsed(new CsvTable(text, header, headerStarts, rows, Arrays.copyOf(lines, rows),
          Arrays.copyOf(lineStarts, rows), Arrays.copyOf(rowStarts, rows * columns), Arrays.copyOf(rowEnds, rows * columns),
          Arrays.copyOf(rowQuoted, rows * columns), Arrays.copyOf(dates, rows)), null);
    }

    private int lineEnd(int from) {
      int end = text.indexOf('\n', from);
      return end < 0 ? text.length() : end;
    }

    private void skipBlankLines() {
      while (pos < text.length()) {
        int end = lineEnd(pos);
        if (!text.substring(pos, end).isBlank()) {
          return;
        }
        pos = Math.min(text.length(), end + 1);
        if (end < text.length()) {
          line++;
          lineStart = pos;
        }
      }
    }

    /** Reads one line's cells into starts/ends; returns their number and moves to the next line. */
    private int row() throws BadFile {
      cells = 0;
      while (true) {
        if (cells == starts.length) {
          starts = Arrays.copyOf(starts, cells * 2);
          ends = Arrays.copyOf(ends, cells * 2);
          quoted = Arrays.copyOf(quoted, cells * 2);
        }
        int i = pos;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
        if (i < text.length() && text.charAt(i) == '"') {
          int open = i;
          i++;
          int contentStart = i;
          while (true) {
            if (i >= text.length() || text.charAt(i) == '\n') {
              throw new BadFile(new Problem(line, open - lineStart + 1, open, open + 1, "a quoted cell is not closed on its line",
                  "close the quote, or write \"\" for a quote inside a cell"));
            }
            if (text.charAt(i) == '"') {
              if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                i += 2;
                continue;
              }
              break;
            }
            i++;
          }
          starts[cells] = contentStart;
          ends[cells] = i;
          quoted[cells] = true;
          i++;
          while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i++;
          }
          if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n') {
            throw new BadFile(new Problem(line, i - lineStart + 1, i, i + 1, "text after a quoted cell", "put a comma between cells"));
          }
        } else {
          int s = i;
          while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n') {
            i++;
          }
          int e = i;
          if (e > s && text.charAt(e - 1) == '\r') {
            e--;
          }
          starts[cells] = s;
          ends[cells] = e;
          quoted[cells] = false;
        }
        cells++;
        if (i >= text.length() || text.charAt(i) == '\n') {
          pos = Math.min(text.length(), i + 1);
          if (i < text.length()) {
            line++;
            lineStart = pos;
          }
          return cells;
        }
        pos = i + 1; // after the comma
      }
    }
  }

  /** {@code 2026}, {@code 2026-Q3}, {@code 2026-07} or {@code 2026-07-15} as model time, or NaN. */
  static double date(String s) {
    if (!s.matches("\\d{4}(-Q[1-4]|-\\d{2}(-\\d{2})?)?")) {
      return Double.NaN;
    }
    int year = Integer.parseInt(s.substring(0, 4));
    int month = 1;
    int day = 0;
    if (s.length() == 7 && s.charAt(5) == 'Q') {
      month = 3 * (s.charAt(6) - '1') + 1;
    } else if (s.length() >= 7) {
      month = Integer.parseInt(s.substring(5, 7));
      if (s.length() == 10) {
        day = Integer.parseInt(s.substring(8, 10));
      }
    }
    return Dates.valid(year, month, day) ? Dates.of(year, month, day) : Double.NaN;
  }
}
