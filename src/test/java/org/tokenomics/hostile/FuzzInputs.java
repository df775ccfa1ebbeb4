package org.tokenomics.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The fuzzer's inputs, each a pure function of a {@link Random}: mutated samples (deletions,
 * inserted tokens, duplicated lines, truncation), splices of two files, huge and tiny numbers,
 * deep nesting of every construct, long names, NUL, control and non-ASCII characters (emoji,
 * BOM, bidi overrides, lone surrogates), floods of unknown names, and grammar-aware random
 * programs ({@link FuzzPrograms}) that reach the checker and the engine.
 */
final class FuzzInputs {
  static final String[] TOKENS = {"let", "param", "report", "assert", "kind", "fn", "unit", "import", "timeline",
      "scenario", "solve", "for", "so that", "within", "to", "if", "then", "else", "and", "or", "not", "as", "=", "==",
      "<=", "<", "+", "-", "*", "/", "^", "(", ")", "{", "}", "[", "]", ",", ":", ";", ".", "0", "1e308", "-1", "100k",
      "$50B", "$", "$B/yr", "%", "bp", "GW", "yr", "month", "2027-06", "2099-13", "\"x\"", "\n", "dt", "t", "year",
      "sum(", "cumsum(", "npv(", "irr(", "payback(", "ramp(", "once(", "uniform(", "pert(", "lag(", "x", "chip",
      "cluster", "import \"../x\"", "import \"std:chips\"", "import \"/etc/passwd\"", "/*", "*/", "//", "\\",
      "\u00e9", "\u0000", "\ud83d\ude00", "\ufeff", "\u202e", "\ud800", "\r", "\t"};
  static final String[] NUMBERS = {"0", "1", "-1", "0.5", "1e308", "-1e308", "1e309", "1e-308", "5e-324", "1e300",
      "1e-300", "1e306", "9007199254740993", "1_000_000", "123456789012345678901234567890", "0.000000001", "1e15"};

  private final List<String> corpus = new ArrayList<>();

  FuzzInputs() {
    for (String dir : List.of("samples", "src/test/resources/golden", "dsl/std", "../shared/conformance/cases")) {
      Path p = Path.of(dir);
      if (!Files.isDirectory(p)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(p)) {
        for (Path f : s.filter(x -> x.toString().endsWith(".tok")).sorted().toList()) {
          corpus.add(Files.readString(f));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (corpus.isEmpty()) {
      throw new IllegalStateException("no .tok files found: run from the project folder");
    }
  }

  /** One input. */
  String next(Random r) {
    return switch (r.nextInt(10)) {
      case 0, 1, 2 -> FuzzPrograms.program(r);
      case 3 -> mutate(r, FuzzPrograms.program(r));
      case 4 -> splice(r);
      case 5 -> extreme(r, pick(r));
      default -> mutate(r, pick(r));
    };
  }

  private String pick(Random r) {
    return corpus.get(r.nextInt(corpus.size()));
  }

  /** The start of one file joined to the end of another, both cut at random points. */
  private String splice(Random r) {
    String a = pick(r);
    String b = pick(r);
    return a.substring(0, r.nextInt(a.length() + 1)) + (r.nextBoolean() ? "\n" : "") + b.substring(r.nextInt(b.length() + 1));
  }

  String mutate(Random r, String base) {
    StringBuilder b = new StringBuilder(base);
    int rounds = 1 + r.nextInt(4);
    for (int k = 0; k < rounds; k++) {
      int len = b.length();
      int at = len == 0 ? 0 : r.nextInt(len);
      switch (r.nextInt(10)) {
        case 0 -> b.delete(at, Math.min(len, at + 1 + r.nextInt(20)));
        case 1 -> b.insert(at, " " + TOKENS[r.nextInt(TOKENS.length)] + " ");
        case 2 -> {
          int start = b.lastIndexOf("\n", at - 1) + 1;
          int end = b.indexOf("\n", at);
          String line = b.substring(start, end < 0 ? len : end);
          b.insert(end < 0 ? len : end, "\n" + line);
        }
        case 3 -> b.setLength(at);
        case 4 -> b.insert(at, (char) r.nextInt(r.nextBoolean() ? 32 : 0x3000));
        case 5 -> replaceNumber(r, b);
        case 6 -> b.replace(at, Math.min(len, at + 1), TOKENS[r.nextInt(TOKENS.length)]);
        case 7 -> b.insert(at, " " + NUMBERS[r.nextInt(NUMBERS.length)] + " ");
        case 8 -> renameOne(r, b);
        default -> b.insert(at, FuzzPrograms.expr(r, 3, List.of("x", "t", "dt")));
      }
    }
    return b.toString();
  }

  /** A number of the source replaced by an extreme one. */
  private static void replaceNumber(Random r, StringBuilder b) {
    int from = r.nextInt(Math.max(1, b.length()));
    for (int i = from; i < b.length(); i++) {
      if (Character.isDigit(b.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(b.charAt(i - 1)))) {
        int j = i;
        while (j < b.length() && (Character.isDigit(b.charAt(j)) || b.charAt(j) == '.')) {
          j++;
        }
        b.replace(i, j, NUMBERS[r.nextInt(NUMBERS.length)]);
        return;
      }
    }
  }

  /** Every occurrence of one declared name renamed to a long one. */
  private static void renameOne(Random r, StringBuilder b) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(?:let|param) ([a-z_][a-z0-9_]*)").matcher(b);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    if (names.isEmpty()) {
      return;
    }
    String name = names.get(r.nextInt(names.size()));
    String longName = name + "_" + "x".repeat(r.nextInt(3) == 0 ? 20_000 : 300);
    String replaced = b.toString().replaceAll("\\b" + name + "\\b", longName);
    b.setLength(0);
    b.append(replaced);
  }

  /** Inputs aimed at one limit or cost each. */
  String extreme(Random r, String base) {
    int n = 1 + r.nextInt(r.nextBoolean() ? 300 : 30_000);
    String name = "n" + r.nextInt(100);
    return switch (r.nextInt(14)) {
      case 0 -> base + "\nlet deep = " + "(".repeat(n) + "1" + ")".repeat(n);
      case 1 -> base + "\nlet deep = " + "if true then 1 else ".repeat(n) + "0";
      case 2 -> base + "\nlet deep = 1" + " < 1".repeat(n);
      case 3 -> base + "\nlet deep = 2" + " ^ 1".repeat(n);
      case 4 -> base + "\nlet deep = " + "- ".repeat(n) + "1";
      case 5 -> base + "\nlet deep = " + "abs(".repeat(n) + "1" + ")".repeat(n);
      case 6 -> base + "\nlet deep = x" + ".a".repeat(n) + "[2027]".repeat(r.nextInt(50));
      case 7 -> base + "\nlet " + "v".repeat(n) + " = 1\nreport " + "v".repeat(n);
      case 8 -> base + "\nreport flood = " + unknownNames(r, Math.min(n, 20_000));
      case 9 -> base + "\nlet flat = " + "1 + ".repeat(n) + "1";
      case 10 -> "\ufeff" + base.replace("\n", r.nextBoolean() ? "\r\n" : "\n\u0000");
      case 11 -> base + "\nreport big_" + name + " = " + NUMBERS[r.nextInt(NUMBERS.length)] + " as bp\nreport r_"
          + name + " = $" + NUMBERS[r.nextInt(NUMBERS.length)] + " / s";
      case 12 -> base + "\n// \ud83d\ude00 emoji\nlet price_" + name + " = 10 $/Mtok\nreport price_" + name;
      default -> base.repeat(2 + r.nextInt(3));
    };
  }

  private static String unknownNames(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(" + ");
      }
      b.append("u").append(Integer.toString(r.nextInt(1 << 30), 36));
    }
    return b.toString();
  }
}
