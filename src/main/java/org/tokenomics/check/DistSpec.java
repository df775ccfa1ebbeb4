package org.tokenomics.check;

import java.util.List;
import org.tokenomics.eval.Node;
import org.tokenomics.syntax.Span;

/** A distribution standing as a param's value: its family and argument nodes (scalars, base units). */
public record DistSpec(String family, List<Node> args, Span span) {
  public DistSpec {
    args = List.copyOf(args);
  }
}
