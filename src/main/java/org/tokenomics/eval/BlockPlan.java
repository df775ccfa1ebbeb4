package org.tokenomics.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a plan into the stages of a {@link SeriesColumns} run and gives each varying cell its
 * columns. Walking the plan in order, a pointwise series cell joins the open group; any other cell
 * that reads no member of the open group is scheduled before it, one that reads a member closes it
 * ({@link FusionSchedule}'s rule). A series cell keeps every period's column when something outside its
 * group reads it (or reads an earlier period of it, or it is an assertion), else one column that
 * each period overwrites.
 */
final class BlockPlan {
  private BlockPlan() {}

  /** A cell of a stage being built. */
  private record Pending(int slot, BlockGroup.Kind kind, BlockOp op, boolean series) {}

  /**
   * The stages, or null when a varying cell has no block form at all.
   *
   * @throws EvalError when an invariant subtree fails
   */
  static List<BlockStage> stages(Program program, int[] order, boolean[] varying, Set<Integer> filled,
                                 double[][][] cols, BlockOps ops, Frame invariant, int size,
                                 int[] reportSlots, int[] reportCols, int[] assertSlots) {
    int periods = program.timeline().size();
    int[] group = new int[program.size()]; // the group of each member; -1 for a cell of a stage of its own
    Arrays.fill(group, -1);
    List<Object> schedule = new ArrayList<>(); // Pending (a stage of one cell) or List<Pending> (a group)
    List<Pending> open = new ArrayList<>();
    int groups = 0;
    boolean[] history = new boolean[program.size()];
    for (int s : order) {
      if (!varying[s]) {
        continue;
      }
      Cell cell = program.cell(s);
      Computer c = cell.computer();
      Pending pending;
      if (filled.contains(s)) {
        pending = new Pending(s, BlockGroup.Kind.READY, null, false);
      } else if (c instanceof Alias) {
        pending = new Pending(s, BlockGroup.Kind.READY, null, cell.series());
      } else if (c instanceof NodeComputer nc) {
        boolean sum = nc.kind() == NodeComputer.Kind.RUNNING_SUM;
        BlockOp op = ops.op(nc.node(), sum ? null : cols[s]); // a running sum adds its node's column to its own
        markPrevs(nc.node(), history);
        pending = op == null ? null : new Pending(s, sum ? BlockGroup.Kind.RUNNING_SUM : BlockGroup.Kind.EACH, op, cell.series());
        if (op == null) {
          history[s] = true; // computed a sample at a time, all periods at once
          markPrevs(nc.node(), history);
          for (int d : cell.deps()) {
            history[d] |= varying[d];
          }
        }
      } else if (c instanceof Recurrence rec) {
        // a group of its own: every member's column of a period, in the group's order, each kept
        // for the earlier periods its members read
        List<Pending> members = new ArrayList<>();
        for (Recurrence.Member m : rec.members()) {
          BlockOp op = ops.op(m.node(), cols[m.slot()]);
          if (op == null || !varying[m.slot()]) {
            return null;
          }
          markPrevs(m.node(), history);
          history[m.slot()] = true;
          members.add(new Pending(m.slot(), BlockGroup.Kind.EACH, op, true));
        }
        boolean reads = false;
        for (int d : cell.deps()) {
          reads |= group[d] == groups && !open.isEmpty();
        }
        if (reads) {
          schedule.add(open);
          open = new ArrayList<>();
          groups++;
        }
        schedule.add(members);
        continue;
      } else if (c instanceof Adopt) {
        continue; // computed, checked and written out by its leader's group
      } else {
        return null; // a goal seek, a price path …: per sample
      }
      boolean readsOpen = false;
      for (int d : cell.deps()) {
        readsOpen |= group[d] == groups && !open.isEmpty();
      }
      if (pending != null && pending.series) {
        if (c instanceof Alias a && group[a.slot()] != groups) {
          history[a.slot()] = true; // it shares the columns of a cell of another stage
          schedule.add(pending);
          continue;
        }
        open.add(pending);
        group[s] = groups;
        continue;
      }
      if (readsOpen) { // it reads the open group: the group comes first
        schedule.add(open);
        open = new ArrayList<>();
        groups++;
      }
      schedule.add(pending != null ? pending : Integer.valueOf(s));
    }
    if (!open.isEmpty()) {
      schedule.add(open);
    }
    // what is read outside its group keeps every period
    for (int s : order) {
      if (varying[s]) {
        for (int d : program.cell(s).deps()) {
          if (varying[d] && (group[d] < 0 || group[d] != group[s])) {
            history[d] = true;
          }
        }
      }
    }
    for (int s : assertSlots) {
      history[s] = true;
    }
    // an alias shares its cell's columns: what it needs, that cell needs (later aliases first)
    for (int i = order.length - 1; i >= 0; i--) {
      int s = order[i];
      if (varying[s] && program.cell(s).computer() instanceof Alias a && history[s]) {
        history[a.slot()] = true;
      }
    }
    for (int s : order) {
      if (varying[s] && !(program.cell(s).computer() instanceof Alias a && cols[s] == cols[a.slot()])) {
        double[][] c = cols[s];
        if (c.length == 1 || history[s]) {
          for (int p = 0; p < c.length; p++) {
            c[p] = new double[size];
          }
        } else {
          Arrays.fill(c, new double[size]); // only the current period's values are ever read
        }
      }
    }
    Map<Integer, List<Integer>> sinks = new HashMap<>();
    for (int r = 0; r < reportSlots.length; r++) {
      if (reportCols[r] >= 0 && varying[reportSlots[r]]) {
        sinks.computeIfAbsent(reportSlots[r], k -> new ArrayList<>()).add(reportCols[r]);
      }
    }
    // a cell whose values cannot leave the finite numbers when its inputs' do not is not looked at
    boolean[] mustBeFinite = new boolean[program.size()];
    boolean[] check = new boolean[program.size()];
    for (int s : order) {
      Cell cell = program.cell(s);
      mustBeFinite[s] = cell.checkFinite();
      if (!varying[s] || !cell.checkFinite()) {
        continue;
      }
      Computer c = cell.computer();
      if (c instanceof Adopt) {
        continue; // a member of a recurrence: its leader set it
      }
      check[s] = !(c instanceof Alias a && varying[a.slot()] && mustBeFinite[a.slot()]) // the same column, checked
          && !(c instanceof NodeComputer nc && nc.kind() == NodeComputer.Kind.EACH && ops.finite(nc.node(), mustBeFinite));
      if (c instanceof Recurrence rec) {
        for (Recurrence.Member m : rec.members()) {
          check[m.slot()] = m.checkFinite();
        }
      }
    }
    List<BlockStage> stages = new ArrayList<>();
    for (Object o : schedule) {
      if (o instanceof Integer s) {
        Cell cell = program.cell(s);
        int[] inputs = Arrays.stream(cell.deps()).filter(d -> varying[d]).distinct().toArray();
        stages.add(new BlockCell(s, cell.computer(), cell.checkFinite(), invariant, inputs, cols, sinks(sinks, s)));
      } else {
        @SuppressWarnings("unchecked")
        List<Pending> members = o instanceof Pending one ? List.of(one) : (List<Pending>) o;
        BlockGroup.Member[] ms = new BlockGroup.Member[members.size()];
        for (int i = 0; i < ms.length; i++) {
          Pending m = members.get(i);
          Cell cell = program.cell(m.slot);
          ms[i] = new BlockGroup.Member(m.slot, m.kind, m.op, cols[m.slot], check[m.slot], sinks(sinks, m.slot));
        }
        stages.add(new BlockGroup(ms, members.get(0).series ? periods : 1));
      }
    }
    return stages;
  }

  private static int[] sinks(Map<Integer, List<Integer>> sinks, int slot) {
    List<Integer> s = sinks.get(slot);
    return s == null ? new int[0] : s.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Cells read at an earlier period ({@code prev}, {@code lag}) keep every period. */
  private static void markPrevs(Node node, boolean[] history) {
    if (node instanceof Prev pv) {
      history[pv.slot()] = true;
    }
    for (Node c : node.children()) {
      markPrevs(c, history);
    }
  }
}
