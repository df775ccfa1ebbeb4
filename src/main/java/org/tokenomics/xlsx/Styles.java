package org.tokenomics.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The workbook's cell styles, made once. */
final class Styles {
  final CellStyle title;
  final CellStyle header;
  final CellStyle unit;
  final CellStyle helper;
  final CellStyle time;
  final CellStyle input;
  final CellStyle valueOnly;
  final CellStyle general;
  private final CellStyle[] numbers = new CellStyle[4];
  private final CellStyle[] inputs = new CellStyle[4];
  private static final String[] FORMATS = {"#,##0", "#,##0.00", "0.0000", "0.000E+00"};

  Styles(XSSFWorkbook wb) {
    Font bold = wb.createFont();
    bold.setBold(true);
    title = wb.createCellStyle();
    title.setFont(bold);
    header = wb.createCellStyle();
    header.setFont(bold);
    header.setBorderBottom(BorderStyle.THIN);
    Font grey = wb.createFont();
    grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    unit = wb.createCellStyle();
    unit.setFont(grey);
    helper = wb.createCellStyle();
    helper.setFont(grey);
    time = wb.createCellStyle();
    time.setFont(grey);
    time.setDataFormat(wb.createDataFormat().getFormat("0.####"));
    input = wb.createCellStyle();
    input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
    input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    Font italic = wb.createFont();
    italic.setItalic(true);
    valueOnly = wb.createCellStyle();
    valueOnly.setFont(italic);
    valueOnly.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    valueOnly.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    valueOnly.setDataFormat(wb.createDataFormat().getFormat("General"));
    general = wb.createCellStyle();
    general.setDataFormat(wb.createDataFormat().getFormat("General"));
    for (int i = 0; i < FORMATS.length; i++) {
      numbers[i] = wb.createCellStyle();
      numbers[i].setDataFormat(wb.createDataFormat().getFormat(FORMATS[i]));
      inputs[i] = wb.createCellStyle();
      inputs[i].cloneStyleFrom(input);
      inputs[i].setDataFormat(wb.createDataFormat().getFormat(FORMATS[i]));
    }
  }

  /** A number format that reads well for these values: whole numbers, cents, four decimals or scientific. */
  CellStyle number(double[] values) {
    return numbers[format(values)];
  }

  CellStyle input(double[] values) {
    return inputs[format(values)];
  }

  private static int format(double[] values) {
    double max = 0;
    if (values != null) {
      for (double v : values) {
        if (Double.isFinite(v)) {
          max = Math.max(max, Math.abs(v));
        }
      }
    }
    if (max == 0) {
      return 1;
    }
    if (max >= 1e12 || max < 1e-3) {
      return 3;
    }
    return max >= 1000 ? 0 : max >= 1 ? 1 : 2;
  }
}
