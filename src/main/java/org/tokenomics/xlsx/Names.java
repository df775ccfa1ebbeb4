package org.tokenomics.xlsx;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.formula.function.FunctionMetadataRegistry;

/**
 * Excel names for Tok's values, so formulas read {@code =capex_per_gw*capacity}. A Tok name keeps
 * its spelling where Excel accepts it; one that Excel would read as something else (a cell
 * reference such as {@code H100} or a column such as {@code GW}, an R1C1 reference, a function name, TRUE/FALSE) gets a leading
 * underscore, and names equal but for case get a numbered suffix (Excel names ignore case).
 */
final class Names {
  /** A cell (H100) or a column (GW: POI reads {@code gw.pue} as a range of columns). */
  private static final Pattern A1 = Pattern.compile("[A-Za-z]{1,3}[0-9]*");
  private static final Pattern R1C1 = Pattern.compile("[Rr][0-9]*([Cc][0-9]*)?|[Cc][0-9]*");
  private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,200}");

  private final Set<String> taken = new HashSet<>();

  /** A fresh Excel name for {@code tokName}, or null when none can be made (the cell is then referenced by address). */
  String name(String tokName) {
    String n = tokName.replace('[', '_').replace(']', '_');
    if (!VALID.matcher(n).matches()) {
      return null;
    }
    if (clashes(n)) {
      n = "_" + n;
    }
    String unique = n;
    for (int i = 2; !taken.add(unique.toUpperCase(Locale.ROOT)); i++) {
      unique = n + "_" + i;
    }
    return unique;
  }

  private static boolean clashes(String n) {
    String first = n.contains(".") ? n.substring(0, n.indexOf('.')) : n;
    String upper = n.toUpperCase(Locale.ROOT);
    return A1.matcher(first).matches() || R1C1.matcher(first).matches() || upper.equals("TRUE")
        || upper.equals("FALSE") || FunctionMetadataRegistry.getFunctionByName(upper) != null
        || upper.startsWith("_XL");
  }
}
