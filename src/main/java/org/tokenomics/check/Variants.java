package org.tokenomics.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tokenomics.syntax.Decl;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.TokFile;

/**
 * The {@code amends} relation of one compile (LANGUAGE.md §19). A variant has every declaration of
 * the file it amends; a {@code param} it declares again replaces the base's (the base's declaration
 * is then never entered) and keeps the base's type and {@code within} unless it writes its own. The
 * timeline is the one of the nearest file in the main file's chain (the main file, the file it
 * amends, that file's base …) that declares one. An imported variant brings its params' new values
 * too, but its chain's timelines are those of an imported file (TOK201).
 */
final class Variants {
  /** File name → the name of the file it amends. */
  private final Map<String, String> baseOf = new HashMap<>();
  private final List<SourceFile> mainChain = new ArrayList<>();
  private final Set<Decl.Param> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
  /** A variant's param → the base param it replaces (the nearest one in its chain). */
  private final Map<Decl.Param, Decl.Param> replaces = new IdentityHashMap<>();
  private final Map<Decl.Param, SourceFile> fileOf = new IdentityHashMap<>();

  Variants(List<TokFile> files, TokFile main, Map<SourceFile, SourceFile> amended) {
    amended.forEach((variant, base) -> baseOf.put(variant.name(), base.name()));
    for (SourceFile f = main == null ? null : main.source(); f != null && mainChain.size() <= amended.size();
         f = amended.get(f)) {
      mainChain.add(f);
    }
    // Files come dependencies first, so a base's param is met before the variant's.
    Map<String, Decl.Param> last = new HashMap<>();
    for (TokFile f : files) {
      for (Decl d : f.decls()) {
        if (d instanceof Decl.Param p) {
          fileOf.put(p, f.source());
          Decl.Param previous = last.get(p.name());
          if (previous != null && amends(f.source().name(), fileOf.get(previous).name())) {
            superseded.add(previous);
            replaces.put(p, previous);
          }
          last.put(p.name(), p);
        }
      }
    }
  }

  /** True when {@code file} amends {@code base}, directly or through a chain. */
  boolean amends(String file, String base) {
    String f = file;
    for (int i = 0; i <= baseOf.size() && f != null; i++) {
      f = baseOf.get(f);
      if (base.equals(f)) {
        return true;
      }
    }
    return false;
  }

  /** True for the main file and the files it amends, directly or through a chain. */
  boolean inMainChain(SourceFile file) {
    return mainChain.stream().anyMatch(f -> f == file);
  }

  /** The file of the main chain whose timeline the model has: the nearest that declares one (null: none). */
  SourceFile timelineFile() {
    for (SourceFile f : mainChain) {
      if (timelineFiles.contains(f)) {
        return f;
      }
    }
    return null;
  }

  private final Set<SourceFile> timelineFiles = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Notes that {@code file} declares a timeline (called for each before {@link #timelineFile()}). */
  void declaresTimeline(SourceFile file) {
    timelineFiles.add(file);
  }

  /** True for a base's param that a variant declares again: it is not entered. */
  boolean superseded(Decl.Param p) {
    return superseded.contains(p);
  }

  /** The nearest base declaration that a variant's param replaces, or null. */
  Decl.Param replaced(Decl.Param p) {
    return replaces.get(p);
  }

  /** The file a param is declared in. */
  SourceFile fileOf(Decl.Param p) {
    return fileOf.get(p);
  }

  /** The param declaration whose {@code within} a param keeps: its own, else its base's (null: none). */
  Decl.Param domainFrom(Decl.Param p) {
    for (Decl.Param q = p; q != null; q = replaces.get(q)) {
      if (q.domain() != null) {
        return q;
      }
    }
    return null;
  }

  /** The param declaration whose type a param keeps: its own, else its base's (null: none). */
  Decl.Param typeFrom(Decl.Param p) {
    for (Decl.Param q = p; q != null; q = replaces.get(q)) {
      if (q.type() != null) {
        return q;
      }
    }
    return null;
  }
}
