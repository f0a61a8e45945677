package fr.competences.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads exported papers back with other libraries than the writers' where possible: POI, PDFBox, the JDK's ZIP. */
final class ExportReader {

    private ExportReader() {
    }

    /** The tableau's header values and its first column below the headings (sections and intitulés, in order). */
    static void assertTableau(byte[] xlsx, String session, String name, String candidate, String centre, String url,
            List<String> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).endsWith(session);
            assertThat(text(sheet, 3, 1)).isEqualTo(name);
            assertThat(text(sheet, 4, 1)).isEqualTo(candidate);
            assertThat(text(sheet, 5, 1)).isEqualTo(centre);
            assertThat(text(sheet, 6, 1)).isEqualTo("SLAM");
            assertThat(text(sheet, 7, 1)).isEqualTo(url);
            List<String> first = new ArrayList<>();
            for (int r = TableauXlsx.HEADINGS_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                first.add(text(sheet, r, 0));
            }
            assertThat(first).containsExactlyElementsOf(rows);
            // the first réalisation ticks B1.1 and B1.2 (by its savoir-faire B1.2.1) only
            List<String> ticks = new ArrayList<>();
            for (int c = 4; c < 10; c++) {
                ticks.add(text(sheet, TableauXlsx.HEADINGS_ROW + 2, c));
            }
            assertThat(ticks).containsExactly("X", "X", "", "", "", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF's text with each run of white space as one space: long texts wrap inside their cells. */
    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sheetTitles(byte[] xlsx) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> titles = new ArrayList<>();
            book.forEach(sheet -> titles.add(sheet.getSheetName()));
            return titles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> zipNames(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String text(Sheet sheet, int r, int c) {
        return sheet.getRow(r).getCell(c).getStringCellValue();
    }
}
