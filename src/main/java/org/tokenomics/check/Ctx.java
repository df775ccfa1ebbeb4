package org.tokenomics.check;

import java.util.List;
import java.util.Map;
import org.tokenomics.syntax.SourceFile;
import org.tokenomics.syntax.Span;

/**
 * Where an expression is checked: inside which instance (bare names mean its attributes first),
 * with which function parameters bound, in which file; and, for a library default checked on a
 * user's behalf, the user's span where its errors are shown.
 */
record Ctx(SourceFile file, InstanceSym self, Map<String, Typed> fnArgs, List<String> fnStack, Span anchor,
           String anchorWhat) {

  static Ctx top(SourceFile file) {
    return new Ctx(file, null, Map.of(), List.of(), null, null);
  }

  static Ctx in(SourceFile file, InstanceSym self, Span anchor, String anchorWhat) {
    return new Ctx(file, self, Map.of(), List.of(), anchor, anchorWhat);
  }

  Ctx inFunction(SourceFile fnFile, String fn, Map<String, Typed> args) {
    java.util.ArrayList<String> stack = new java.util.ArrayList<>(fnStack);
    stack.add(fn);
    // A function body sees its parameters and the file's names, not the caller's instance.
    return new Ctx(fnFile, null, args, List.copyOf(stack), anchor != null ? anchor : null, anchorWhat);
  }
}
