package org.tokenomics.mc;

/**
 * A worker's tile of report values, sample by sample ({@code [sample × cells + cell]}): each
 * sample's values are written in a row (a series report's periods are one array copy), and a full
 * tile is transposed into the wave's columns ({@code [cell][sample]}) sixteen cells at a time.
 *
 * <p>Why rows: writing a sample's hundreds of values column by column into the tile (the earlier
 * layout, one store every {@code tileLen} doubles) missed the first-level cache on nearly every
 * store, a fifth of a 60-month run's time. Here the writes are sequential, and the transpose reads
 * sixteen neighbouring cells of each sample (two or three cache lines, the last reused by the next
 * sixteen cells) while writing sixteen columns in runs of the tile's samples.
 */
final class Tile {
  /**
   * Cells transposed together: sixteen columns written in step, their sources two cache lines of
   * a row (a transpose alone, 128 samples × 601 cells: 0.95 ns a value at sixteen, 1.08 at eight).
   */
  private static final int WAY = 16;

  final int cells;
  /** The values, a row of {@link #cells} per sample. */
  final double[] values;

  /**
   * @param samples the samples a tile holds
   * @param cells   the report values of a sample
   */
  Tile(int samples, int cells) {
    this.cells = cells;
    this.values = new double[samples * cells];
  }

  /** Where sample {@code row} of the tile has its value of {@code cell}. */
  int at(int row, int cell) {
    return row * cells + cell;
  }

  /** Copies the tile's first {@code n} samples into {@code columns} from index {@code first} on. */
  void flush(double[][] columns, int first, int n) {
    double[] t = values;
    int stride = cells;
    int c = 0;
    for (; c + WAY <= cells; c += WAY) {
      double[] b0 = columns[c];
      double[] b1 = columns[c + 1];
      double[] b2 = columns[c + 2];
      double[] b3 = columns[c + 3];
      double[] b4 = columns[c + 4];
      double[] b5 = columns[c + 5];
      double[] b6 = columns[c + 6];
      double[] b7 = columns[c + 7];
      double[] b8 = columns[c + 8];
      double[] b9 = columns[c + 9];
      double[] b10 = columns[c + 10];
      double[] b11 = columns[c + 11];
      double[] b12 = columns[c + 12];
      double[] b13 = columns[c + 13];
      double[] b14 = columns[c + 14];
      double[] b15 = columns[c + 15];
      for (int k = 0, at = c; k < n; k++, at += stride) {
        int i = first + k;
        b0[i] = t[at];
        b1[i] = t[at + 1];
        b2[i] = t[at + 2];
        b3[i] = t[at + 3];
        b4[i] = t[at + 4];
        b5[i] = t[at + 5];
        b6[i] = t[at + 6];
        b7[i] = t[at + 7];
        b8[i] = t[at + 8];
        b9[i] = t[at + 9];
        b10[i] = t[at + 10];
        b11[i] = t[at + 11];
        b12[i] = t[at + 12];
        b13[i] = t[at + 13];
        b14[i] = t[at + 14];
        b15[i] = t[at + 15];
      }
    }
    for (; c < cells; c++) {
      double[] b = columns[c];
      for (int k = 0, at = c; k < n; k++, at += stride) {
        b[first + k] = t[at];
      }
    }
  }
}
