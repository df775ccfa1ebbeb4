package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A tile's transpose ({@link Tile#flush}) puts each sample's value of each cell at that sample's
 * place in that cell's column, for any number of cells (whole groups of eight and the rest), any
 * number of the tile's samples and any place in the columns, and writes nothing else.
 */
class TileProperties {
  @Property(tries = 200)
  void theTransposeMovesEveryValueAndNothingElse(@ForAll @IntRange(min = 1, max = 40) int cells,
                                                 @ForAll @IntRange(min = 1, max = 70) int samples,
                                                 @ForAll @IntRange(min = 0, max = 70) int used,
                                                 @ForAll @IntRange(min = 0, max = 30) int first) {
    int n = Math.min(used, samples);
    Tile tile = new Tile(samples, cells);
    for (int k = 0; k < samples; k++) {
      for (int c = 0; c < cells; c++) {
        tile.values[tile.at(k, c)] = c * 1000 + k; // the cell and the sample, readable in a failure
      }
    }
    double[][] columns = new double[cells][first + samples + 5];
    for (double[] column : columns) {
      java.util.Arrays.fill(column, -1);
    }
    tile.flush(columns, first, n);
    for (int c = 0; c < cells; c++) {
      for (int i = 0; i < columns[c].length; i++) {
        int k = i - first;
        double expected = k >= 0 && k < n ? c * 1000 + k : -1;
        assertEquals(expected, columns[c][i], "cell " + c + ", index " + i);
      }
    }
  }
}
