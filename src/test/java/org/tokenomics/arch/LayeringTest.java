package org.tokenomics.arch;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layers of ARCHITECTURE.md, low to high:
 * <ol>
 *   <li>{@code units}, {@code diag}, {@code spi} (the extension points, seen by the checker) and
 *       {@code internal} (the generated parser);</li>
 *   <li>{@code syntax};</li>
 *   <li>the evaluation run-time: {@code eval} with {@code time}, {@code finance} and {@code dist}
 *       (nodes, frames, programs; it knows nothing of checking);</li>
 *   <li>{@code check}: the checker proper works on typed trees; only its build pass and the
 *       built-in registry's node factories name the run-time (a rule below);</li>
 *   <li>{@code run} (one evaluation with overrides), then {@code mc} and {@code explain};</li>
 *   <li>{@code api}, {@code osgi} (plugin discovery) and the public API {@code org.tokenomics};</li>
 *   <li>the tools: {@code cli}, {@code lsp}, {@code chart}, {@code script}, {@code xlsx}, and {@code spark} (the
 *       tok-spark artifact, on the public API only).</li>
 * </ol>
 * A package may use only its own layer and lower ones, and no packages form a cycle. Each rule
 * names the packages it constrains, so that a violation says where it is.
 */
class LayeringTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.tokenomics");

  private static final String[] BASE = {"org.tokenomics.units..", "org.tokenomics.diag..", "org.tokenomics.spi..",
      "org.tokenomics.internal.."};

  private static String[] with(String[] lower, String... more) {
    String[] all = java.util.Arrays.copyOf(lower, lower.length + more.length);
    System.arraycopy(more, 0, all, lower.length, more.length);
    return all;
  }

  private static final String[] SYNTAX = with(BASE, "org.tokenomics.syntax..");
  private static final String[] EVAL = with(SYNTAX, "org.tokenomics.eval..", "org.tokenomics.time..",
      "org.tokenomics.finance..", "org.tokenomics.dist..");
  private static final String[] CHECK = with(EVAL, "org.tokenomics.check..");
  private static final String[] ANALYSIS = with(CHECK, "org.tokenomics.run..", "org.tokenomics.mc..",
      "org.tokenomics.explain..");
  private static final String[] API = with(ANALYSIS, "org.tokenomics", "org.tokenomics.api..", "org.tokenomics.osgi..");

  /** Classes in {@code packages} depend on nothing of Tok's outside {@code allowed}. */
  private static void onlyUses(String[] packages, String[] allowed) {
    noClasses().that().resideInAnyPackage(packages)
        .should().dependOnClassesThat(resideInAPackage("org.tokenomics..").and(
            com.tngtech.archunit.base.DescribedPredicate.not(resideInAnyPackage(allowed))))
        .because("packages use only their own layer and lower ones (ARCHITECTURE.md, Layers)")
        .check(CLASSES);
  }

  @Test
  void unitsUseNothingElse() {
    onlyUses(new String[] {"org.tokenomics.units.."}, new String[] {"org.tokenomics.units.."});
  }

  @Test
  void diagnosticsUseOnlyUnits() {
    onlyUses(new String[] {"org.tokenomics.diag.."}, new String[] {"org.tokenomics.diag..", "org.tokenomics.units.."});
  }

  @Test
  void extensionPointsStandAlone() {
    onlyUses(new String[] {"org.tokenomics.spi.."}, new String[] {"org.tokenomics.spi.."});
  }

  @Test
  void syntaxUsesOnlyTheBase() {
    onlyUses(new String[] {"org.tokenomics.syntax.."}, SYNTAX);
  }

  @Test
  void checkUsesNothingAbove() {
    onlyUses(new String[] {"org.tokenomics.check.."}, CHECK);
  }

  /**
   * Checking is one phase and building nodes another: inside {@code check}, only the build pass,
   * the registry's node factories and the compiled model (which holds the program) name the
   * evaluation run-time; the checker proper produces typed trees ({@code TExpr}).
   */
  /** The classes of {@code check} that build or hold evaluation nodes. */
  private static final String BUILD_PASS = "org\\.tokenomics\\.check\\.(NodeBuilder|ProgramBuilder|BuiltinFunctions"
      + "|CompiledModel|DistSpec|Overrides|OverrideCompiler|Compiler|AssertionSlack|Recurrences|CostStacks)(\\$.*)?";

  @Test
  void onlyTheBuildPassNamesEvaluationNodes() {
    noClasses().that().resideInAPackage("org.tokenomics.check..")
        .and(com.tngtech.archunit.base.DescribedPredicate.not(
            com.tngtech.archunit.base.DescribedPredicate.describe("the build pass",
                (com.tngtech.archunit.core.domain.JavaClass c) -> c.getFullName().matches(BUILD_PASS))))
        .should().dependOnClassesThat().resideInAnyPackage("org.tokenomics.eval..", "org.tokenomics.finance..",
            "org.tokenomics.dist..")
        .because("the checker produces typed trees; building evaluation nodes is a pass of its own")
        .check(CLASSES);
  }

  @Test
  void evaluationUsesNothingAbove() {
    onlyUses(new String[] {"org.tokenomics.eval..", "org.tokenomics.time..", "org.tokenomics.finance..",
        "org.tokenomics.dist.."}, EVAL);
  }

  @Test
  void analysesUseNothingAbove() {
    onlyUses(new String[] {"org.tokenomics.run..", "org.tokenomics.mc..", "org.tokenomics.explain.."}, ANALYSIS);
  }

  @Test
  void theApiUsesNoTool() {
    onlyUses(new String[] {"org.tokenomics", "org.tokenomics.api..", "org.tokenomics.osgi.."}, API);
  }

  /** The command line, the chart and script packages go through the public API only. */
  @Test
  void toolsUseThePublicApi() {
    noClasses().that().resideInAnyPackage("org.tokenomics.cli..", "org.tokenomics.chart..", "org.tokenomics.script..",
            "org.tokenomics.spark..")
        .should().dependOnClassesThat(resideInAPackage("org.tokenomics..").and(
            com.tngtech.archunit.base.DescribedPredicate.not(resideInAnyPackage("org.tokenomics", "org.tokenomics.spi..",
                "org.tokenomics.cli..", "org.tokenomics.chart..", "org.tokenomics.script..", "org.tokenomics.lsp",
                "org.tokenomics.serve", "org.tokenomics.xlsx", "org.tokenomics.text..", "org.tokenomics.report..",
                "org.tokenomics.spark..")))
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("Suggest")))
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("StartupTrace")))
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("OsgiServices"))))
        .because("the tools go through the public API (EMBEDDING.md §10); diag.Suggest is a text utility, diag.StartupTrace"
            + " times the phases of a short run, and the"
            + " bundle activator (script.Activator, which registers the script engine) gives back OSGi services")
        .check(CLASSES);
  }

  /** Nothing but the public API names the language server's classes, and it names no tool. */
  @Test
  void theLanguageServerUsesNoOtherTool() {
    onlyUses(new String[] {"org.tokenomics.lsp.."}, with(API, "org.tokenomics.lsp..", "org.tokenomics.text.."));
  }

  /** The workbook exporter reads the checked model (like the language server) and names no other tool. */
  @Test
  void theWorkbookExporterUsesNoOtherTool() {
    onlyUses(new String[] {"org.tokenomics.xlsx.."}, with(API, "org.tokenomics.xlsx.."));
  }

  @Test
  void theRootPackageIsInNoCycle() {
    // slices() matches sub-packages only; the root package's own edges are checked here.
    noClasses().that(or(resideInAnyPackage(BASE), resideInAnyPackage("org.tokenomics.syntax..", "org.tokenomics.check..",
            "org.tokenomics.eval..", "org.tokenomics.time..", "org.tokenomics.finance..", "org.tokenomics.dist..",
            "org.tokenomics.run..",
            "org.tokenomics.mc..", "org.tokenomics.explain..", "org.tokenomics.api..", "org.tokenomics.osgi..")))
        .should().dependOnClassesThat().resideInAPackage("org.tokenomics")
        .because("the public API is built on the phases; they never reach back into it")
        .check(CLASSES);
  }

  /** No cycles among Tok's packages, nor between a package and its sub-packages (the root package's own edges are the rule above). */
  @Test
  void noCycles() {
    slices().matching("org.tokenomics.(*)..").should().beFreeOfCycles().check(CLASSES);
    // and none between a package and its own sub-packages (eval and eval.series, say), which the
    // rule above sees as one slice
    slices().matching("org.tokenomics.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  /** What a host sees (public members of public classes in the exported packages) names no internal type. */
  @Test
  void theExportedApiNamesNoInternalType() {
    java.util.List<String> leaks = new java.util.ArrayList<>();
    for (com.tngtech.archunit.core.domain.JavaClass c : CLASSES) {
      boolean exported = c.getPackageName().equals("org.tokenomics") || c.getPackageName().equals("org.tokenomics.spi");
      if (!exported || !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
        continue;
      }
      for (com.tngtech.archunit.core.domain.JavaMember m : c.getMembers()) {
        if (!m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
            && !m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PROTECTED)) {
          continue;
        }
        java.util.List<com.tngtech.archunit.core.domain.JavaClass> types = new java.util.ArrayList<>();
        if (m instanceof com.tngtech.archunit.core.domain.JavaCodeUnit u) {
          types.addAll(u.getRawParameterTypes());
          types.add(u.getRawReturnType());
        } else if (m instanceof com.tngtech.archunit.core.domain.JavaField f) {
          types.add(f.getRawType());
        }
        for (com.tngtech.archunit.core.domain.JavaClass t : types) {
          String p = t.getBaseComponentType().getPackageName();
          if (p.startsWith("org.tokenomics") && !p.equals("org.tokenomics") && !p.equals("org.tokenomics.spi")) {
            leaks.add(m.getFullName() + " names " + t.getName());
          }
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), leaks);
  }
}
