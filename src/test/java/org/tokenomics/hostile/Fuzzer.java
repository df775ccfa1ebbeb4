package org.tokenomics.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.tokenomics.Compilation;
import org.tokenomics.EvaluationException;
import org.tokenomics.Tokenomics;

/**
 * Mutation fuzzing: takes the samples and test files, mutates them (deleted spans, inserted
 * tokens, duplicated lines, truncation, deep nesting, random bytes) and compiles and evaluates
 * each; any throwable other than an EvaluationException, or an input that takes longer than the
 * time limit, is a failure.
 */
final class Fuzzer {
  static final String[] TOKENS = {"let", "param", "report", "assert", "kind", "fn", "unit", "import", "timeline",
      "scenario", "solve", "correlate", "for", "so that", "within", "to", "if", "then", "else", "and", "or", "not", "as", "=", "==",
      "<=", "+", "-", "*", "/", "^", "(", ")", "{", "}", "[", "]", ",", ":", ";", ".", "0", "1e308", "-1", "100k",
      "$50B", "$", "$B/yr", "%", "bp", "GW", "yr", "month", "2027-06", "2099-13", "\"x\"", "\n", "dt", "t", "year",
      "sum(", "cumsum(", "npv(", "irr(", "payback(", "ramp(", "once(", "uniform(", "pert(", "x", "chip", "cluster",
      "import \"../x\"", "import \"std:chips\"", "/*", "*/", "//", "\\", "\u00e9", "\u0000"};

  /** What went wrong with one input. */
  record Failure(String input, Throwable error) {}

  private final List<String> corpus = new ArrayList<>();
  private final Tokenomics tok = Tokenomics.standard();

  Fuzzer() throws IOException {
    for (String dir : List.of("samples", "src/test/resources/golden", "../shared/conformance/cases")) {
      Path p = Path.of(dir);
      if (!Files.isDirectory(p)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(p)) {
        for (Path f : s.filter(x -> x.toString().endsWith(".tok")).sorted().toList()) {
          corpus.add(Files.readString(f));
        }
      }
    }
  }

  String mutate(Random r) {
    String base = corpus.get(r.nextInt(corpus.size()));
    StringBuilder b = new StringBuilder(base);
    int rounds = 1 + r.nextInt(4);
    for (int k = 0; k < rounds; k++) {
      int len = b.length();
      int at = len == 0 ? 0 : r.nextInt(len);
      switch (r.nextInt(7)) {
        case 0 -> b.delete(at, Math.min(len, at + 1 + r.nextInt(20)));
        case 1 -> b.insert(at, " " + TOKENS[r.nextInt(TOKENS.length)] + " ");
        case 2 -> {
          String[] lines = b.toString().split("\n", -1);
          int i = r.nextInt(lines.length);
          b.insert(Math.min(b.length(), b.indexOf(lines[i]) + lines[i].length()), "\n" + lines[i]);
        }
        case 3 -> b.setLength(at);
        case 4 -> b.insert(at, "(".repeat(1 + r.nextInt(300)));
        case 5 -> b.insert(at, (char) r.nextInt(128));
        default -> b.replace(at, Math.min(len, at + 1), TOKENS[r.nextInt(TOKENS.length)]);
      }
    }
    return b.toString();
  }

  /** Runs {@code n} inputs from {@code seed}; returns the failures (empty is good). */
  List<Failure> run(long seed, int n, long millisPerInput) throws InterruptedException {
    List<Failure> failures = new ArrayList<>();
    Random r = new Random(seed);
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread t = new Thread(runnable, "fuzz");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int i = 0; i < n && failures.size() < 10; i++) {
        String input = mutate(r);
        Future<?> f = worker.submit(() -> once(input));
        try {
          f.get(millisPerInput, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
          failures.add(new Failure(input, new AssertionError("no answer in " + millisPerInput + " ms")));
          worker.shutdownNow();
          worker = Executors.newSingleThreadExecutor();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(new Failure(input, e.getCause()));
        }
      }
    } finally {
      worker.shutdownNow();
    }
    return failures;
  }

  private void once(String input) {
    Compilation c = tok.compile("fuzz.tok", input);
    if (c.ok()) {
      try {
        c.model().evaluate();
      } catch (EvaluationException expected) {
        // a TOK5xx diagnostic: fine
      }
    }
  }
}
