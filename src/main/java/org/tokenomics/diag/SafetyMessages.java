package org.tokenomics.diag;

/**
 * The wording of the messages that guard the host (limits, overflow on display, the language
 * server's transport, imports outside the root), kept in one place so that the documentation in
 * {@code dsl/reference/safety.md} and the tests quote one text.
 */
public final class SafetyMessages {
  private SafetyMessages() {}

  public static String displayOverflow(String report, String baseValue, String unit) {
    return report + " is too large to show in " + (unit == null || unit.isEmpty() ? "its unit" : unit)
        + " (" + baseValue + " in base units overflows a double)";
  }

  public static String displayOverflowHelp() {
    return "show it in a larger unit, or look for a runaway value in the model";
  }

  public static String valueOverflow(String name, double base, String unit) {
    return name + " = " + base + " in base units is too large to express in " + unit;
  }

  public static String notTok(String file) {
    return "'" + file + "' is not a Tok source file (its content is not shown)";
  }

  public static String notTokHelp() {
    return "import only .tok files";
  }

  public static String sourceTooLarge(String file, long limit) {
    return file + " is larger than the limit of " + limit + " characters (limit: max source size " + limit + ")";
  }

  public static String tooLargeFor(String unit) {
    return "too large to show in " + unit;
  }
}
