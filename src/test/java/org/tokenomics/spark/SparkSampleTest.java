package org.tokenomics.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokenomics.testing.JavaBuild;

/** The example of samples/spark compiles against the library and tok-spark, and runs in local mode. */
class SparkSampleTest {
  @Test
  void theSparkExampleRunsAndEqualsALocalRun() throws Exception {
    Path project = JavaBuild.project();
    Path out = project.resolve("target/spark-sample-test");
    JavaBuild.delete(out);
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(Path::of).toList();
    JavaBuild.compile(JavaBuild.files(project.resolve("samples/spark/src"), ".java"), classpath, out);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setProperty("spark.master", "local[2]");
    System.setProperty("spark.ui.enabled", "false");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      loader.loadClass("example.SparkApp").getMethod("main", String[].class).invoke(null, (Object) new String[] {
          project.resolve("samples/uncertainty/gigawatt-npv-drivers.tok").toString(), "5000", "42", "--sobol", "npv",
          "--check-local"});
    } finally {
      System.setOut(old);
      System.clearProperty("spark.master");
      System.clearProperty("spark.ui.enabled");
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("gigawatt-npv-drivers.tok: 5,000 samples on local[2], seed 42"), text);
    assertTrue(text.contains("Sobol indices of npv (5,000 base samples), largest total first\n  margin"), text);
    assertTrue(text.contains("  npv            mean"), text);
    assertTrue(text.contains("same as a local run: true"), text);
  }
}
