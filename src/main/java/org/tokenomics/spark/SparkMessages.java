package org.tokenomics.spark;

import java.util.List;
import java.util.stream.Collectors;
import org.tokenomics.Diagnostic;

/** Every message the Spark artifact shows, in one place. */
final class SparkMessages {
  private SparkMessages() {}

  static String notAFile(String path) {
    return "cannot bundle " + path + ": it is not a readable .tok file";
  }

  static String bundleTooLarge(String root, long limit) {
    return "cannot bundle the model in " + root + ": its .tok and data files exceed " + limit
        + " bytes (a bundle is shipped to every executor; keep large data outside the model's folder)";
  }

  static String unreadable(String file, String why) {
    return "cannot bundle " + file + ": " + why;
  }

  static String versionMismatch(String driver, String executor) {
    return "the executor runs Tok " + executor + " but the bundle was made with Tok " + driver
        + " (put the same tok and tok-spark jars on the driver and the executors)";
  }

  static String pluginsMismatch(List<String> missing) {
    return "the executor lacks the plugin functions the driver compiled with: " + String.join(", ", missing)
        + " (ship the plugin jars with --jars)";
  }

  static String executorCompile(String main, List<Diagnostic> diagnostics) {
    return "the model " + main + " does not compile on the executor:\n"
        + diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::render).collect(Collectors.joining("\n"));
  }

  static String tooManyValues(long samples, int values, long limit) {
    return String.format(java.util.Locale.ROOT, "%,d samples × %,d report values is above the limit of %,d values"
        + " (Limits.maxSampleValues): a Spark run brings every value to the driver to merge it exactly", samples,
        values, limit);
  }

  static String badSamples(long samples) {
    return "samples must be between 1 and " + Integer.MAX_VALUE + ", got " + samples;
  }

  static String tampered(String expected, String actual) {
    return "the bundle's contents do not match its hash (" + expected + " expected, " + actual + " found)";
  }
}
