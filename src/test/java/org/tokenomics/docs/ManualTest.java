package org.tokenomics.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tokenomics.cli.Main;
import org.tokenomics.syntax.Diagnostics;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.SyntaxParser;

/**
 * Every {@code ```tok} block in {@code dsl/**}{@code /*.md} is run, so the manual cannot drift from
 * the compiler. The conventions (also in dsl/README.md):
 * <ul>
 *   <li>A {@code tok} block compiles and evaluates with exit code 0, and every assertion holds.
 *   <li>A first line {@code // run: ARGS} passes ARGS to {@code tok run} (e.g. {@code --samples 2000
 *       --seed 1}); a first line starting {@code // fragment} means the block is only parsed.
 *   <li>A first line {@code // file: NAME.tok} saves the block, besides running it, as NAME.tok beside
 *       every later example of the same page, so a later block may import or amend it.
 *   <li>A {@code tok} block directly followed by a {@code text} block that contains
 *       {@code error[TOKnnn]} is an error example: running it must fail with every such code.
 *   <li>A {@code text} block whose first line is {@code $ ./tok run FILE ARGS} or
 *       {@code $ ./tok check FILE} shows that command's output for the last {@code tok} block above
 *       it (prose may stand between them): the block is saved as FILE, the command is run, and what
 *       it prints must equal the rest of the text block (trailing spaces aside).
 *   <li>Under {@code --samples} the statistics are checked (every number report has mean, p5, p50,
 *       p95 in order) and the output compared, numbers within 5 %, only once the build produces
 *       Monte Carlo statistics; until then the run is deterministic and its exit code and
 *       assertions are checked.
 * </ul>
 * {@code -Dmanual.update=true} rewrites the output blocks with what the build prints; review the diff.
 */
class ManualTest {
  static final Path DSL = Path.of("dsl");
  private static final Pattern FENCE = Pattern.compile("^```\\s*([A-Za-z0-9_-]*)\\s*$");
  private static final Pattern CODE = Pattern.compile("error\\[(TOK\\d{3})\\]");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code -Dmanual.update=true}: rewrite the output blocks with what the build prints now. */
  static final boolean UPDATE = Boolean.getBoolean("manual.update");
  static final List<Update> UPDATES = java.util.Collections.synchronizedList(new ArrayList<>());

  /** A new body for the output block {@code block} (its first line, the command, is kept). */
  record Update(Block block, String command, String output) {}

  @AfterAll
  static void writeUpdates() throws IOException {
    Map<Path, List<Update>> byFile = new TreeMap<>();
    for (Update u : UPDATES) {
      byFile.computeIfAbsent(u.block().file(), f -> new ArrayList<>()).add(u);
    }
    for (Map.Entry<Path, List<Update>> f : byFile.entrySet()) {
      List<String> lines = new ArrayList<>(List.of(Files.readString(f.getKey(), StandardCharsets.UTF_8).split("\n", -1)));
      List<Update> updates = new ArrayList<>(f.getValue());
      updates.sort(java.util.Comparator.comparingInt((Update u) -> u.block().line()).reversed());
      for (Update u : updates) {
        int first = u.block().line(); // 0-based index of the block's first line, the command
        int end = first + 1;
        while (!lines.get(end).strip().equals("```")) {
          end++;
        }
        lines.subList(first + 1, end).clear();
        lines.addAll(first + 1, List.of(u.output().split("\n", -1)));
      }
      Files.writeString(f.getKey(), String.join("\n", lines), StandardCharsets.UTF_8);
    }
  }

  /** A fenced block: its language, its text and the line of its opening fence. */
  record Block(Path file, int line, String lang, String text) {
    String where() {
      return file + ":" + line;
    }
  }

  /**
   * A tok block and its text blocks: first the {@code adjacent} ones that follow it directly, then
   * the output blocks ({@code $ ./tok …}) further down, before the next tok block.
   */
  record Example(Block tok, List<Block> texts, int adjacent) {}

  @TestFactory
  Stream<DynamicTest> everyTokBlockInTheManual() throws IOException {
    List<Example> examples = new ArrayList<>();
    for (Path md : markdownFiles()) {
      examples.addAll(examples(md));
    }
    assertTrue(examples.size() >= 40, "expected dsl/ to hold at least 40 tok blocks, found " + examples.size());
    return examples.stream().map(e -> DynamicTest.dynamicTest(e.tok().where(), () -> check(e)));
  }

  /** The manual's own pages exist and hold runnable examples. */
  @Test
  void manualPagesExist() throws IOException {
    for (String page : List.of("manual/tutorial.md", "manual/reference.md")) {
      Path p = DSL.resolve(page);
      assertTrue(Files.exists(p), "missing " + p);
      assertFalse(examples(p).isEmpty(), p + " has no tok blocks");
    }
  }

  /** The block parser itself: error examples, outputs and fragments are told apart. */
  @Test
  void conventionsAreRecognised() {
    String md = "text\n```tok\nlet x = 1\n```\n\n```text\nx.tok:1:1: error[TOK300]: no\n```\n"
        + "```tok\n// fragment\nlet y = 2\n```\nprose\n```text\nnot attached\n```\n"
        + "```tok\nlet z = 3\n```\nprose\n```text\n$ ./tok run z.tok --set z=4\n```\n";
    List<Example> ex = parse(Path.of("inline.md"), md);
    assertEquals(3, ex.size());
    assertEquals(1, ex.get(2).texts().size(), "an output block is attached across prose");
    assertEquals(List.of("./tok", "run", "z.tok", "--set", "z=4"), command(ex.get(2).texts().get(0)));
    assertTrue(approximately("  x  $1,581.67B  mean 2.9831 %", "x    $1,580.1B  mean 2.983 %"), "padding and rounding");
    assertFalse(approximately("x  mean 2.98 %", "x  mean 3.3 %"), "numbers 10 % apart");
    assertFalse(approximately("x  mean 2.98 %", "x  p50 2.98 %"), "different words");
    assertEquals(List.of("TOK300"), codes(ex.get(0)));
    assertTrue(ex.get(1).texts().isEmpty(), "prose between blocks detaches a text block that is not an output");
    assertTrue(ex.get(1).tok().text().startsWith("// fragment"));
  }

  static List<Path> markdownFiles() throws IOException {
    try (Stream<Path> s = Files.walk(DSL)) {
      return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  static List<Example> examples(Path md) throws IOException {
    return parse(md, Files.readString(md, StandardCharsets.UTF_8));
  }

  /** Splits markdown into fenced blocks and groups each tok block with the text blocks right after it. */
  static List<Example> parse(Path file, String markdown) {
    String[] lines = markdown.split("\n", -1);
    List<Object> items = new ArrayList<>(); // Block, or a String for prose that separates blocks
    int i = 0;
    while (i < lines.length) {
      Matcher m = FENCE.matcher(lines[i]);
      if (m.matches() && !m.group(1).isEmpty() || lines[i].strip().equals("```")) {
        String lang = m.matches() ? m.group(1) : "";
        int start = i + 1;
        StringBuilder body = new StringBuilder();
        i++;
        while (i < lines.length && !lines[i].strip().equals("```")) {
          body.append(lines[i]).append('\n');
          i++;
        }
        items.add(new Block(file, start, lang, body.toString()));
        i++;
      } else {
        if (!lines[i].isBlank()) {
          items.add("prose");
        }
        i++;
      }
    }
    List<Example> out = new ArrayList<>();
    for (int k = 0; k < items.size(); k++) {
      if (items.get(k) instanceof Block b && b.lang().equals("tok")) {
        List<Block> attached = new ArrayList<>();
        List<Block> outputs = new ArrayList<>();
        boolean adjacent = true;
        for (int j = k + 1; j < items.size(); j++) {
          Object item = items.get(j);
          if (item instanceof Block t && t.lang().equals("tok")) {
            break;
          }
          if (item instanceof Block t && t.lang().equals("text")) {
            if (adjacent) {
              attached.add(t);
            } else if (t.text().startsWith("$ ./tok ")) {
              outputs.add(t);
            }
          } else {
            adjacent = false;
          }
        }
        List<Block> texts = new ArrayList<>(attached);
        texts.addAll(outputs);
        out.add(new Example(b, texts, attached.size()));
      }
    }
    return out;
  }

  /** The tok blocks above {@code block} on its page whose first line is {@code // file: NAME}. */
  static List<Block> companions(Block block) throws IOException {
    List<Block> out = new ArrayList<>();
    for (Example x : examples(block.file())) {
      if (x.tok().line() < block.line() && x.tok().text().startsWith("// file:")) {
        out.add(x.tok());
      }
    }
    return out;
  }

  /** The error codes of the text blocks that follow a tok block directly. */
  static List<String> codes(Example e) {
    Set<String> codes = new LinkedHashSet<>();
    for (Block t : e.texts().subList(0, e.adjacent())) {
      Matcher m = CODE.matcher(t.text());
      while (m.find()) {
        codes.add(m.group(1));
      }
    }
    return new ArrayList<>(codes);
  }

  private static void check(Example e) throws IOException {
    String text = e.tok().text();
    String first = text.lines().findFirst().orElse("").strip();
    if (first.startsWith("// fragment")) {
      Diagnostics diags = new Diagnostics();
      assertNotNull(new SyntaxParser().parse(new SourceFile("fragment.tok", text, false), diags),
          () -> e.tok().where() + ": the fragment does not parse:\n" + diags.all().stream().map(d -> d.render()).toList());
      return;
    }
    List<String> codes = codes(e);
    Path dir = Files.createTempDirectory("tok-manual");
    try {
      String name = e.texts().stream().map(ManualTest::command).filter(c -> c != null).map(c -> c.get(2))
          .findFirst().orElse("example.tok");
      for (Block earlier : companions(e.tok())) {
        String companion = earlier.text().lines().findFirst().orElseThrow().strip().substring("// file:".length()).strip();
        Files.writeString(dir.resolve(companion), earlier.text(), StandardCharsets.UTF_8);
      }
      Path file = dir.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      List<String> args = new ArrayList<>(List.of("run", "--format", "json"));
      if (first.startsWith("// run:")) {
        args.addAll(split(first.substring("// run:".length())));
      }
      args.add(file.toString());
      Run run = run(args, dir);
      if (!codes.isEmpty()) {
        assertEquals(1, run.exit, () -> e.tok().where() + ": an error example must fail, but it ran:\n" + run.out);
        for (String code : codes) {
          assertTrue(run.out.contains("\"" + code + "\""), () -> e.tok().where() + ": expected " + code + ", got:\n" + run.out + run.err);
        }
      } else {
        JsonNode json = JSON.readTree(run.out);
        assertEquals(0, run.exit, () -> e.tok().where() + ": exit " + run.exit + "\n" + json.get("diagnostics") + run.err);
        assertFalse(json.get("runs").isEmpty(), e.tok().where() + ": no run");
        for (JsonNode r : json.get("runs")) {
          for (JsonNode a : r.get("assertions")) {
            assertTrue(a.get("ok").asBoolean(), () -> e.tok().where() + " line " + a.get("line") + ": " + a.get("message"));
          }
          if (r.get("samples").asInt() > 0) {
            checkStats(e, r);
          }
        }
      }
      for (Block t : e.texts()) {
        List<String> cmd = command(t);
        if (cmd != null) {
          compareOutput(e, t, cmd, dir);
        }
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Under --samples: every number report has mean, p5, p50, p95 with p5 <= p50 <= p95. */
  private static void checkStats(Example e, JsonNode run) {
    for (JsonNode rep : run.get("reports")) {
      if (!rep.has("stats")) {
        continue;
      }
      JsonNode s = rep.get("stats");
      for (String k : List.of("mean", "p5", "p50", "p95")) {
        assertTrue(s.has(k), () -> e.tok().where() + ": report " + rep.get("name") + " lacks " + k);
      }
      int n = s.get("p5").isArray() ? s.get("p5").size() : 1;
      for (int i = 0; i < n; i++) {
        double p5 = at(s.get("p5"), i);
        double p50 = at(s.get("p50"), i);
        double p95 = at(s.get("p95"), i);
        assertTrue(p5 <= p50 && p50 <= p95, () -> e.tok().where() + ": quantiles out of order in " + rep);
      }
    }
  }

  private static double at(JsonNode n, int i) {
    return n.isArray() ? n.get(i).asDouble() : n.asDouble();
  }

  /** The command line of an output block ($ ./tok run FILE ARGS), or null. */
  static List<String> command(Block t) {
    String head = t.text().lines().findFirst().orElse("").strip();
    if (!head.startsWith("$ ./tok ")) {
      return null;
    }
    List<String> words = split(head.substring(2));
    if (words.size() < 3 || !List.of("run", "check", "test").contains(words.get(1))) {
      fail(t.where() + ": an output block must start with '$ ./tok run FILE', '$ ./tok check FILE' or"
          + " '$ ./tok test FILE', found: " + head);
    }
    return words;
  }

  private static void compareOutput(Example e, Block t, List<String> cmd, Path dir) throws IOException {
    List<String> args = new ArrayList<>();
    for (String w : cmd.subList(1, cmd.size())) {
      args.add(w.equals(cmd.get(2)) ? dir.resolve(w).toString() : w);
    }
    Path file = dir.resolve(cmd.get(2));
    if (!Files.exists(file)) {
      Files.writeString(file, e.tok().text(), StandardCharsets.UTF_8);
    }
    boolean sampled = args.contains("--samples");
    if (sampled && !producesStats(args, dir)) {
      return; // Monte Carlo output is compared once the build produces statistics
    }
    Run run = run(args, dir);
    String expected = t.text().substring(t.text().indexOf('\n') + 1);
    String actual = run.out + run.err;
    String what = t.where() + ": the output of '" + String.join(" ", cmd.subList(1, cmd.size())) + "' differs from the manual"
        + " (regenerate with -Dmanual.update=true and review the diff)";
    if (UPDATE) {
      UPDATES.add(new Update(t, cmd.get(0) + " " + String.join(" ", cmd.subList(1, cmd.size())), normalise(actual)));
    } else if (sampled) {
      assertTrue(approximately(normalise(expected), normalise(actual)), () -> what + "\nexpected:\n" + expected + "\nactual:\n" + actual);
    } else {
      assertEquals(normalise(expected), normalise(actual), what);
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?(e-?[0-9]+)?");

  /**
   * Monte Carlo output: the same words, and numbers within 5 % of each other (sampling noise and
   * display rounding), ignoring how columns are padded.
   */
  static boolean approximately(String expected, String actual) {
    List<String> a = tokens(expected);
    List<String> b = tokens(actual);
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (NUMBER.matcher(x).matches() && NUMBER.matcher(y).matches()) {
        double u = Double.parseDouble(x.replace(",", ""));
        double v = Double.parseDouble(y.replace(",", ""));
        if (Math.abs(u - v) > 0.05 * Math.max(Math.abs(u), Math.abs(v)) + 1e-9) {
          return false;
        }
      } else if (!x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("-?[0-9][0-9,]*(?:\\.[0-9]+)?(?:e-?[0-9]+)?|[^\\s0-9-]+|-").matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static boolean producesStats(List<String> tableArgs, Path dir) throws IOException {
    List<String> args = new ArrayList<>(tableArgs);
    int f = args.indexOf("--format");
    if (f >= 0) {
      args.remove(f + 1);
      args.remove(f);
    }
    args.add(1, "--format");
    args.add(2, "json");
    Run run = run(args, dir);
    JsonNode json = JSON.readTree(run.out);
    for (JsonNode r : json.get("runs")) {
      if (r.get("samples").asInt() > 0) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String s) {
    StringBuilder b = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      b.append(line.stripTrailing()).append('\n');
    }
    return b.toString().replaceAll("^\\n+", "").stripTrailing();
  }

  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(s);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }

  record Run(int exit, String out, String err) {}

  private static Run run(List<String> args, Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    String prefix = dir.toString() + java.io.File.separator;
    return new Run(exit, out.toString().replace(prefix, ""), err.toString().replace(prefix, ""));
  }
}
