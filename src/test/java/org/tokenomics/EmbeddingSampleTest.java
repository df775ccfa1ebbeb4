package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tokenomics.testing.JavaBuild;

/**
 * Java written for users compiles and runs against the library: the host application of
 * samples/embedding and the copy-paste example of the README's "Embedding" section.
 */
class EmbeddingSampleTest {

  /** Compiles the sources, loads {@code mainClass} and calls {@code method(args)}; returns stdout. */
  static String compileAndRun(List<Path> sources, Path out, String mainClass, String method, String... args)
      throws Exception {
    JavaBuild.delete(out);
    JavaBuild.compile(sources, List.of(JavaBuild.locationOf(Tokenomics.class)), out);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream old = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
        EmbeddingSampleTest.class.getClassLoader())) {
      Class<?> main = loader.loadClass(mainClass);
      PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8);
      System.setOut(print);
      Object result;
      if (method.equals("main")) {
        result = main.getMethod("main", String[].class).invoke(null, (Object) args);
      } else {
        result = main.getMethod(method, String[].class, PrintStream.class, PrintStream.class)
            .invoke(null, (Object) args, print, System.err);
      }
      if (result instanceof Integer code) {
        assertEquals(0, code, captured.toString(StandardCharsets.UTF_8));
      }
    } finally {
      System.setOut(old);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theHostApplicationRuns() throws Exception {
    Path project = JavaBuild.project();
    String out = compileAndRun(JavaBuild.files(project.resolve("samples/embedding/src"), ".java"),
        project.resolve("target/embedding-sample"), "example.HostApp", "run",
        project.resolve("samples/embedding/payback.tok").toString());
    assertTrue(out.contains("gross_margin   = 50 %"), out);
    assertTrue(out.contains("base: depreciation 10.00 $B/yr, npv -5.81 $B"), out);
    assertTrue(out.contains("60 %  npv"), out);
    assertTrue(out.contains("revenue  25.00 $B/yr"), out);
    assertTrue(out.contains("hurdle rate -> npv:"), out);
    String readme = Files.readString(project.resolve("samples/embedding/README.md"));
    assertTrue(readme.contains(out.strip()), "samples/embedding/README.md shows the output:\n" + out);
  }

  @Test
  void theReadmeExampleCompilesAndRuns() throws Exception {
    Path project = JavaBuild.project();
    String readme = Files.readString(project.resolve("README.md"));
    int section = readme.indexOf("\n## Embedding\n");
    assertTrue(section >= 0, "README.md has an Embedding section");
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(section), "the Embedding section has a java example");
    String code = block.group(1);
    Matcher cls = Pattern.compile("public class (\\w+)").matcher(code);
    assertTrue(cls.find());
    Path src = project.resolve("target/readme-example/src/" + cls.group(1) + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, code);
    String out = compileAndRun(List.of(src), project.resolve("target/readme-example/classes"), cls.group(1), "main");
    assertTrue(out.contains("npv: -5.81"), out);
    assertTrue(out.contains("revenue in 2030 at 60 %: 25.0"), out);
  }
}
