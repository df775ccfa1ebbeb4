package org.tokenomics.syntax;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenomics.diag.Code;
import org.tokenomics.diag.Diagnostic;
import org.tokenomics.diag.Severity;

/**
 * Collects diagnostics during one compile. Knows the source files so that every diagnostic
 * carries the text of its line and renders without further lookups.
 */
public final class Diagnostics {
  private final Map<String, SourceFile> sources = new HashMap<>();
  private final List<Diagnostic> list = new ArrayList<>();
  /** What {@link #add(Severity, Code, Span, String, String, String)} has reported: the same diagnostic is kept once. */
  private final java.util.Set<Diagnostic> seen = new java.util.HashSet<>();

  public void addSource(SourceFile file) {
    sources.put(file.name(), file);
  }

  public SourceFile source(String name) {
    return sources.get(name);
  }

  public Diagnostic error(Code code, Span span, String message) {
    return add(Severity.ERROR, code, span, message, null, null);
  }

  public Diagnostic error(Code code, Span span, String message, String help) {
    return add(Severity.ERROR, code, span, message, help, null);
  }

  public Diagnostic error(Code code, Span span, String message, String help, String label) {
    return add(Severity.ERROR, code, span, message, help, label);
  }

  public Diagnostic add(Severity severity, Code code, Span span, String message, String help, String label) {
    Diagnostic d = make(sources, severity, code, span, message, help, label);
    // The members of a family share their block: an error in it is reported once, not per member.
    if (!seen.add(d)) {
      return d;
    }
    list.add(d);
    return d;
  }

  public void add(Diagnostic d) {
    seen.add(d);
    list.add(d);
  }

  /** Builds a diagnostic whose source line is looked up in {@code sources}. */
  public static Diagnostic make(Map<String, SourceFile> sources, Severity severity, Code code, Span span,
                                String message, String help, String label) {
    Span s = span == null ? Span.NONE : span;
    SourceFile file = sources.get(s.file());
    String line = file == null || s.line() <= 0 ? null : file.line(s.line());
    return new Diagnostic(severity, code.name(), message, s == Span.NONE ? null : s.file(), s.line(),
        s.column(), s.endLine(), s.endColumn(), help, line, label);
  }

  public Map<String, SourceFile> sources() {
    return Collections.unmodifiableMap(sources);
  }

  public boolean hasErrors() {
    for (Diagnostic d : list) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The errors so far. A loop, not a stream and a method reference: the parse of a library file
   * asks first thing, and on the command line's warm-up thread (issue 22) that was the process's
   * first lambda, whose java.lang.invoke set-up (some 8 ms cold) held back the prelude's parse;
   * the parse itself needs no lambda, and the set-up now happens on another thread beside it.
   */
  public int errorCount() {
    int n = 0;
    for (Diagnostic d : list) {
      if (d.isError()) {
        n++;
      }
    }
    return n;
  }

  public List<Diagnostic> all() {
    return List.copyOf(list);
  }
}
