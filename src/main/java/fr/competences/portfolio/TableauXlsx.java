package fr.competences.portfolio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The tableau de synthèse as an xlsx workbook (Apache POI), laid out as the official model: A4 landscape, the header,
 * the column headings (savoir-faire under each compétence), then the three sections with their rows; texts wrap.
 */
final class TableauXlsx {

    /** Where the column headings are: rows before it hold the header. */
    static final int HEADINGS_ROW = 8;

    private TableauXlsx() {
    }

    static byte[] of(Tableau tableau) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Sheet sheet = book.createSheet("Tableau de synthèse");
            int last = Tableau.HEADINGS.size() + tableau.columns().size() - 1;
            merged(sheet, 0, last, tableau.sessionLine(), styles.title);
            merged(sheet, 1, last, Tableau.TITLE, styles.title);
            merged(sheet, 2, last, tableau.examLine(), styles.text);
            int r = 3;
            for (List<String> line : tableau.identification()) {
                Row row = sheet.createRow(r++);
                cell(row, 0, line.get(0), styles.label);
                cell(row, 1, line.get(1), styles.text);
                sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, 3));
            }
            Row headings = sheet.createRow(HEADINGS_ROW);
            for (int c = 0; c < Tableau.HEADINGS.size(); c++) {
                cell(headings, c, Tableau.HEADINGS.get(c), styles.heading);
            }
            for (int c = 0; c < tableau.columns().size(); c++) {
                cell(headings, Tableau.HEADINGS.size() + c, Tableau.columnText(tableau.columns().get(c)),
                        styles.heading);
            }
            r = HEADINGS_ROW + 1;
            for (Tableau.Section section : tableau.sections()) {
                merged(sheet, r++, last, section.title(), styles.section);
                for (Tableau.Row line : section.rows()) {
                    Row row = sheet.createRow(r++);
                    cell(row, 0, line.title(), styles.text);
                    cell(row, 1, line.description(), styles.text);
                    cell(row, 2, line.productions(), styles.text);
                    cell(row, 3, line.period(), styles.text);
                    for (int c = 0; c < line.ticks().size(); c++) {
                        cell(row, Tableau.HEADINGS.size() + c, line.ticks().get(c) ? "X" : "", styles.tick);
                    }
                }
            }
            layout(sheet, tableau.columns().size());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void layout(Sheet sheet, int ticks) {
        int[] widths = {30, 45, 30, 16};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        for (int c = 0; c < ticks; c++) {
            sheet.setColumnWidth(widths.length + c, 24 * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setRepeatingRows(new CellRangeAddress(HEADINGS_ROW, HEADINGS_ROW, -1, -1));
    }

    private static void merged(Sheet sheet, int r, int last, String text, CellStyle style) {
        Row row = sheet.createRow(r);
        cell(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
    }

    private static void cell(Row row, int c, String text, CellStyle style) {
        var cell = row.createCell(c);
        cell.setCellValue(text == null ? "" : text);
        cell.setCellStyle(style);
    }

    /** The workbook's few styles: wrapped text with borders, bold headings, a shaded section row, centred ticks. */
    private static final class Styles {

        final CellStyle title;
        final CellStyle label;
        final CellStyle text;
        final CellStyle heading;
        final CellStyle section;
        final CellStyle tick;

        Styles(Workbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            title = book.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            label = book.createCellStyle();
            label.setFont(bold);
            text = bordered(book);
            heading = bordered(book);
            heading.setFont(bold);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            section = bordered(book);
            section.setFont(bold);
            section.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            section.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            tick = bordered(book);
            tick.setAlignment(HorizontalAlignment.CENTER);
            tick.setVerticalAlignment(VerticalAlignment.CENTER);
        }

        private static CellStyle bordered(Workbook book) {
            CellStyle style = book.createCellStyle();
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
