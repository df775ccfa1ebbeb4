package org.tokenomics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tokenomics.Compilation;
import org.tokenomics.Diagnostic;
import org.tokenomics.EvaluationException;
import org.tokenomics.Model;
import org.tokenomics.TestOptions;
import org.tokenomics.TestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tok test FILE}: searches the params' domains and distributions for inputs under which an
 * assertion fails (EMBEDDING.md §6), through {@link Model#test}. Exit 1 with the shrunk
 * counterexamples and the {@code --set} lines that reproduce them; exit 0 with the number of tries.
 */
@Command(name = "test", description = "Search the params' domains and distributions for inputs that break an assert.")
final class TestCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Option(names = "--tries", paramLabel = "N", defaultValue = "1000", description = "input points to try (default 1000)")
  int tries;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "the search's seed (default 0)")
  long seed;

  @Option(names = "--param", paramLabel = "NAME", description = "vary only these params (repeatable; default: every"
      + " param with a domain or a distribution)")
  java.util.List<String> params = new java.util.ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json")
  String format;

  @Option(names = "--root", paramLabel = "DIR", description = "folder imports must stay inside (default: the file's folder)")
  Path root;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!CliInputs.knownFormat(format, java.util.List.of("table", "json"), "test", err)) {
      return 2;
    }
    if (tries < 1 || tries > TestOptions.MAX_TRIES) {
      err.println("tok: --tries must be from 1 to " + TestOptions.MAX_TRIES + ", got " + tries);
      return 2;
    }
    Compilation c = Session.compile(file, root, err);
    if (c == null) {
      return 2;
    }
    if (!c.ok()) {
      c.diagnostics().forEach(d -> err.println(d.render()));
      return 1;
    }
    Model model = c.model();
    TestResult r;
    try {
      r = model.test(TestOptions.defaults().withTries(tries).withSeed(seed).withParams(params));
    } catch (EvaluationException e) {
      err.println(e.diagnostic().render());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("tok: " + e.getMessage());
      return 2;
    }
    String note = !format.equals("table") ? ""
        : r.tries() == 0 ? "note: " + file + " has no assert to test\n"
        : model.testInputs(params.toArray(String[]::new)).isEmpty()
        ? "note: no param has a domain (within LOW to HIGH) or a distribution: only the defaults were tried\n" : "";
    out.print(format.equals("json") ? json(r) : table(r) + note);
    out.flush();
    return r.passed() ? 0 : 1;
  }

  private String table(TestResult r) {
    StringBuilder b = new StringBuilder();
    if (r.passed()) {
      b.append(file).append(": no assertion failed in ").append(r.tries()).append(r.tries() == 1 ? " try" : " tries")
          .append(" (seed ").append(r.seed()).append(")\n");
    }
    for (TestResult.Counterexample x : r.counterexamples()) {
      b.append(x.file() != null ? x.file() : file).append(':').append(x.line()).append(": assertion failed: ").append(x.message()).append('\n');
      if (x.set().isEmpty()) {
        b.append("  it fails with the defaults: tok run ").append(quote(file.toString())).append('\n');
        continue;
      }
      for (Map.Entry<String, String> e : x.set().entrySet()) {
        b.append("  ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
      }
      b.append("  reproduce: tok run ").append(quote(file.toString()));
      x.set().forEach((k, v) -> b.append(" --set ").append(quote(k + "=" + v)));
      b.append('\n');
    }
    if (!r.passed()) {
      b.append(r.counterexamples().size()).append(r.counterexamples().size() == 1 ? " counterexample" : " counterexamples")
          .append(" in ").append(r.tries()).append(r.tries() == 1 ? " try" : " tries").append(" (seed ")
          .append(r.seed()).append(")\n");
    }
    if (r.errorTries() > 0) {
      b.append("note: ").append(r.errorTries()).append(r.errorTries() == 1 ? " try" : " tries")
          .append(" ended in an evaluation error (see tok run with those inputs)\n");
    }
    return b.toString();
  }

  /** Single quotes when the shell would otherwise split or expand it ($, spaces, %). */
  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_./=:+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private String json(TestResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", file.toString());
    root.put("tries", r.tries());
    root.put("seed", r.seed());
    root.put("passed", r.passed());
    ArrayNode list = root.putArray("counterexamples");
    for (TestResult.Counterexample x : r.counterexamples()) {
      ObjectNode o = list.addObject();
      ObjectNode a = o.putObject("assertion");
      a.put("line", x.line());
      if (x.file() != null) {
        a.put("file", x.file()); // an assertion inherited from an amended base
      }
      a.put("message", x.message());
      ObjectNode set = o.putObject("set");
      x.set().forEach(set::put);
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
