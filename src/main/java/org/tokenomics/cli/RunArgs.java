package org.tokenomics.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code tok run}'s arguments read without picocli, when they are plain: picocli builds a command
 * from its annotations by reflection (the JDK's annotation parser defines a proxy class for each
 * annotation type), 40-50 ms of a one-shot run on a cold JVM, more than the model's compile. This
 * reads the usual forms ({@code run FILE}, {@code --opt VALUE}, {@code --opt=VALUE}, repeatable
 * lists) into a {@link RunCommand}, exactly as picocli would, and declines everything else (help,
 * version, a value that starts with {@code -} or {@code @}, an unknown or repeated option, a
 * number in any but the plain decimal form): picocli then parses the same arguments and prints the
 * same usage and errors as before. Declining is always safe, so an option added to RunCommand
 * that this class does not know yet only takes the slower path. {@code RunArgsProperties} checks
 * this class against picocli on generated argument lists, field by field, and {@code RunArgsTest}
 * that both paths print the same.
 */
final class RunArgs {
  private RunArgs() {}

  /**
   * The run command with its options set, or null to let picocli parse the arguments.
   *
   * @param args the whole command line ({@code run} first)
   * @return the command ready to execute, or null
   */
  static RunCommand parse(String[] args) {
    if (args.length < 2 || !args[0].equals("run")) {
      return null;
    }
    RunCommand c = new RunCommand();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.isEmpty() || a.charAt(0) == '@') { // picocli reads @FILE as a file of arguments
        return null;
      }
      if (a.charAt(0) != '-') {
        if (c.file != null) { // picocli: unmatched argument
          return null;
        }
        c.file = path(a);
        if (c.file == null) {
          return null;
        }
        continue;
      }
      String name = a;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null; // picocli: missing value
      }
      if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@' || value.indexOf('"') >= 0) {
        return null;
      }
      if (!set(c, name, value, seen)) {
        return null;
      }
    }
    return c.file == null ? null : c;
  }

  /** Sets one option; false when picocli should read the arguments instead. */
  private static boolean set(RunCommand c, String name, String value, Set<String> seen) {
    boolean first = seen.add(name);
    switch (name) {
      // repeatable: the first occurrence replaces the field's initial list, as picocli does
      case "--scenario" -> c.scenarios = append(first ? null : c.scenarios, value);
      case "--set" -> c.sets = append(first ? null : c.sets, value);
      case "--tolerance-for" -> c.toleranceFor = append(first ? null : c.toleranceFor, value);
      case "--quantiles" -> {
        List<Double> qs = first ? new ArrayList<>() : c.quantiles;
        for (String q : value.split(",", -1)) {
          if (!decimal(q)) {
            return false;
          }
          qs.add(Double.valueOf(q));
        }
        c.quantiles = qs;
      }
      default -> {
        return first && single(c, name, value); // picocli: a single-valued option given twice is an error
      }
    }
    return true;
  }

  private static boolean single(RunCommand c, String name, String value) {
    switch (name) {
      case "--samples" -> c.samplesText = value;
      case "--tolerance" -> c.tolerance = value;
      case "--spark" -> c.spark = value;
      case "--format" -> c.format = value;
      case "--max-samples" -> {
        if (!digits(value, 9)) {
          return false;
        }
        c.maxSamples = Integer.parseInt(value);
      }
      case "--seed" -> {
        if (!digits(value, 18)) {
          return false;
        }
        c.seed = Long.parseLong(value);
      }
      case "--out" -> {
        c.outFile = path(value);
        return c.outFile != null;
      }
      case "--root" -> {
        c.root = path(value);
        return c.root != null;
      }
      default -> {
        return false; // -h, --help, -V, --version, an unknown option: picocli's
      }
    }
    return true;
  }

  private static List<String> append(List<String> list, String value) {
    List<String> l = list == null ? new ArrayList<>() : list;
    l.add(value);
    return l;
  }

  /** Plain decimal digits, at most {@code max} of them (so the number always fits its type). */
  private static boolean digits(String s, int max) {
    if (s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code 12} or {@code 12.5}: a number {@code Double.valueOf} reads the same way picocli does. */
  private static boolean decimal(String s) {
    int dot = s.indexOf('.');
    return dot < 0 ? digits(s, 30) : digits(s.substring(0, dot), 30) && digits(s.substring(dot + 1), 30);
  }

  private static Path path(String s) {
    try {
      return Path.of(s);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
