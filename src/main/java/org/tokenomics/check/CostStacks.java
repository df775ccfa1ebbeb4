package org.tokenomics.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tokenomics.eval.Node;

/**
 * The {@code total(…)} operations a value is made of, member by member (issue 16: explain shows
 * which member contributes what). Each term of a total is built into an evaluation node of its
 * own, so a term such as {@code campus.chips * campus.online} can be evaluated for one member
 * without a cell for it; the explainer evaluates the nodes on its frame.
 */
public final class CostStacks {
  private CostStacks() {}

  /**
   * One {@code total}: the family or kind it adds up and one term per member.
   *
   * @param over    the family or kind name ({@code campus})
   * @param members the members' names in order ({@code campus[1]} …)
   * @param terms   one node per member, in the same order
   * @param reads   the cells the terms read (to be computed before the terms are evaluated)
   */
  public record Stack(String over, List<String> members, List<Node> terms, int[] reads) {}

  /**
   * The totals in a value's typed form, looking through the hidden intermediates it reads (a total
   * is often hoisted into one), outermost first; a total inside another total's term is not listed.
   *
   * @param cm   the compiled model
   * @param cell the value
   * @return its totals, possibly none
   */
  public static List<Stack> of(CompiledModel cm, CellSym cell) {
    List<Stack> out = new ArrayList<>();
    if (cell.typed == null) {
      return out;
    }
    NodeBuilder nb = new NodeBuilder(cm.program().timeline().declared());
    Deque<TExpr> todo = new ArrayDeque<>();
    Set<Integer> seen = new HashSet<>();
    todo.push(cell.typed);
    while (!todo.isEmpty()) {
      TExpr e = todo.pop();
      if (e instanceof TExpr.CellRef r) {
        CellSym c = cm.cells().get(r.slot());
        if (c.role() == CellSym.Role.HIDDEN && c.typed != null && !c.runningSum && seen.add(r.slot())) {
          todo.push(c.typed);
        }
      } else if (e instanceof TExpr.Op o && o.op().equals("total") && o.data() instanceof Totals.Over over) {
        List<Node> terms = new ArrayList<>();
        Set<Integer> reads = new LinkedHashSet<>();
        for (TExpr t : o.args()) {
          terms.add(nb.build(t));
          for (int s : TExpr.refs(t)) {
            reads.add(s);
          }
        }
        out.add(new Stack(over.name(), over.members(), terms, reads.stream().mapToInt(Integer::intValue).toArray()));
      } else {
        List<TExpr> args = e.args();
        for (int i = args.size() - 1; i >= 0; i--) {
          if (args.get(i) != null) { // an absent optional argument
            todo.push(args.get(i));
          }
        }
      }
    }
    return out;
  }
}
