package fr.competences.portfolio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The fiches descriptives as an xlsx workbook (Apache POI): one sheet per bloc 2 réalisation, label and value rows. */
final class FichesXlsx {

    /** The row of the first label: those before hold the fiche's title lines. */
    static final int FIRST_LINE = 3;

    private FichesXlsx() {
    }

    static byte[] of(List<Fiche> fiches) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle label = book.createCellStyle();
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            label.setWrapText(true);
            CellStyle text = book.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            if (fiches.isEmpty()) {
                book.createSheet("Fiches").createRow(0).createCell(0)
                        .setCellValue("Aucune réalisation ne mobilise le bloc 2.");
            }
            for (Fiche fiche : fiches) {
                Sheet sheet = book.createSheet("Réalisation " + fiche.number());
                sheet.createRow(0).createCell(0).setCellValue("BTS SERVICES INFORMATIQUES AUX ORGANISATIONS – SESSION "
                        + fiche.header().session());
                sheet.createRow(1).createCell(0).setCellValue(Fiche.TITLE + " — épreuve " + fiche.header().bloc2Exam());
                sheet.getRow(0).getCell(0).setCellStyle(label);
                sheet.getRow(1).getCell(0).setCellStyle(label);
                int r = FIRST_LINE;
                for (List<String> line : fiche.lines()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(line.get(0));
                    row.getCell(0).setCellStyle(label);
                    row.createCell(1).setCellValue(line.get(1));
                    row.getCell(1).setCellStyle(text);
                }
                sheet.setColumnWidth(0, 32 * 256);
                sheet.setColumnWidth(1, 90 * 256);
                sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
                sheet.getPrintSetup().setFitWidth((short) 1);
                sheet.getPrintSetup().setFitHeight((short) 0);
                sheet.setFitToPage(true);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
