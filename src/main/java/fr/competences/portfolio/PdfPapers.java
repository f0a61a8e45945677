package fr.competences.portfolio;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The exam papers as PDF (OpenPDF): the tableau de synthèse on A4 landscape, and the fiches descriptives of the bloc 2
 * réalisations, one per page. Tables wrap long texts and repeat their headings on each page. Standard Helvetica
 * (WinAnsi): French accents and typographic quotes print, characters outside it do not.
 */
final class PdfPapers {

    private static final Font TITLE = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BOLD = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 8, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 6, Font.NORMAL);
    private static final Color SHADE = new Color(0xDD, 0xE6, 0xF4);

    private PdfPapers() {
    }

    static byte[] tableau(Tableau tableau) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(Tableau.TITLE);
            document.open();
            centred(document, tableau.sessionLine(), TITLE);
            centred(document, Tableau.TITLE, TITLE);
            centred(document, tableau.examLine(), TEXT);
            PdfPTable identification = new PdfPTable(new float[] {1, 3});
            identification.setWidthPercentage(60);
            identification.setHorizontalAlignment(Element.ALIGN_LEFT);
            identification.setSpacingBefore(6);
            for (List<String> line : tableau.identification()) {
                identification.addCell(cell(line.get(0), BOLD, null));
                identification.addCell(cell(line.get(1), TEXT, null));
            }
            document.add(identification);

            int columns = Tableau.HEADINGS.size() + tableau.columns().size();
            float[] widths = new float[columns];
            float[] first = {12, 18, 12, 7};
            for (int c = 0; c < columns; c++) {
                widths[c] = c < first.length ? first[c] : 8;
            }
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            table.setHeaderRows(1);
            Tableau.HEADINGS.forEach(heading -> table.addCell(cell(heading, BOLD, SHADE)));
            for (Tableau.Column column : tableau.columns()) {
                PdfPCell heading = new PdfPCell();
                heading.setBackgroundColor(SHADE);
                heading.addElement(new Phrase(column.heading(), BOLD));
                column.savoirFaire().forEach(s -> heading.addElement(new Phrase("• " + s + "\n", SMALL)));
                table.addCell(heading);
            }
            for (Tableau.Section section : tableau.sections()) {
                PdfPCell title = cell(section.title(), BOLD, SHADE);
                title.setColspan(columns);
                table.addCell(title);
                for (Tableau.Row row : section.rows()) {
                    table.addCell(cell(row.title(), TEXT, null));
                    table.addCell(cell(row.description(), TEXT, null));
                    table.addCell(cell(row.productions(), TEXT, null));
                    table.addCell(cell(row.period(), TEXT, null));
                    for (boolean tick : row.ticks()) {
                        PdfPCell mark = cell(tick ? "X" : "", BOLD, null);
                        mark.setHorizontalAlignment(Element.ALIGN_CENTER);
                        table.addCell(mark);
                    }
                }
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("the tableau de synthèse could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    static byte[] fiches(List<Fiche> fiches) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(Fiche.TITLE);
            document.open();
            if (fiches.isEmpty()) {
                document.add(new Paragraph("Aucune réalisation ne mobilise le bloc 2.", TEXT));
            }
            for (int i = 0; i < fiches.size(); i++) {
                if (i > 0) {
                    document.newPage();
                }
                Fiche fiche = fiches.get(i);
                centred(document, "BTS SERVICES INFORMATIQUES AUX ORGANISATIONS – SESSION " + fiche.header().session(),
                        TITLE);
                centred(document, Fiche.TITLE, TITLE);
                centred(document, "Épreuve " + fiche.header().bloc2Exam() + " — Conception et développement "
                        + "d’applications (option SLAM)", TEXT);
                PdfPTable table = new PdfPTable(new float[] {1, 3});
                table.setWidthPercentage(100);
                table.setSpacingBefore(8);
                for (List<String> line : fiche.lines()) {
                    table.addCell(cell(line.get(0), BOLD, SHADE));
                    table.addCell(cell(line.get(1), TEXT, null));
                }
                document.add(table);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("the fiches could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void centred(Document document, String text, Font font) throws DocumentException {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        document.add(paragraph);
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(3);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }
}
