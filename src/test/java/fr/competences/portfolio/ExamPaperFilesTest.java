package fr.competences.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.referential.boundary.BuiltInReferentiels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The papers as files, read back by other libraries than the ones that wrote them (POI for xlsx, PDFBox for PDF). */
class ExamPaperFilesTest {

    static final Catalogue CATALOGUE = Catalogue.of(BuiltInReferentiels.btsSioSlam());
    static final ExamPapers.Header HEADER = new ExamPapers.Header("2026", "Lovelace", "Ada", "Ada Lovelace",
            "0123456789", "Lycée Évariste-Galois", "SLAM", "https://ada.example.org", "E5 (depuis 2024)",
            "E6 (depuis 2024)");
    static final String LONG = "Mise en œuvre d’une application « stocks » ".repeat(20);

    static RealisationView realisation(long id, RealisationSetting setting, String title, String... skills) {
        return new RealisationView(id, setting, title, LONG, "Garage Dupré", "Marseille", "2025-10-01",
                "2025-11-15", true, "Équipe de 3", "Cahier des charges", "PC", "Symfony",
                List.of("https://git.example.org/" + id), List.of(skills), OffsetDateTime.now(), null, null, List.of(),
                List.of());
    }

    static final List<RealisationView> REALISATIONS = List.of(
            realisation(1, RealisationSetting.TRAINING, "Parc GLPI", "B1.1", "B1.2.1"),
            realisation(2, RealisationSetting.WORK_YEAR_2, "Veille", "B1.6"),
            realisation(3, RealisationSetting.WORK_YEAR_1, "Application de stocks", "B1.5", "B2.1", "B2.3.1"));

    @Test
    void theTableauXlsxHasTheHeaderTheSectionsInOrderAndTheTicksInTheirColumns() throws IOException {
        byte[] xlsx = TableauXlsx.of(Tableau.of(HEADER, CATALOGUE, REALISATIONS));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("BTS SERVICES INFORMATIQUES AUX ORGANISATIONS – SESSION 2026");
            assertThat(text(sheet, 3, 1)).isEqualTo("LOVELACE Ada");
            assertThat(text(sheet, 4, 1)).isEqualTo("0123456789");
            assertThat(text(sheet, 5, 1)).isEqualTo("Lycée Évariste-Galois");
            assertThat(text(sheet, 7, 1)).isEqualTo("https://ada.example.org");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            Row headings = sheet.getRow(TableauXlsx.HEADINGS_ROW);
            assertThat(headings.getCell(4).getStringCellValue()).startsWith("B1.1 Gérer le patrimoine informatique\n• ");
            List<String> firstColumn = new ArrayList<>();
            for (int r = TableauXlsx.HEADINGS_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                firstColumn.add(text(sheet, r, 0));
            }
            assertThat(firstColumn).containsExactly("Réalisations en cours de formation", "Parc GLPI",
                    "Réalisations en milieu professionnel en cours de première année", "Application de stocks",
                    "Réalisations en milieu professionnel en cours de seconde année", "Veille");
            assertThat(ticks(sheet.getRow(TableauXlsx.HEADINGS_ROW + 2))).containsExactly("X", "X", "", "", "", "");
            assertThat(ticks(sheet.getRow(TableauXlsx.HEADINGS_ROW + 4))).containsExactly("", "", "", "", "X", "");
            assertThat(text(sheet, TableauXlsx.HEADINGS_ROW + 2, 3)).isEqualTo("Du 01/10/2025 au 15/11/2025");
            assertThat(sheet.getRow(TableauXlsx.HEADINGS_ROW + 2).getCell(1).getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void theTableauPdfIsA4LandscapeWithTheRealisationsAndTheirAccents() throws IOException {
        byte[] pdf = PdfPapers.tableau(Tableau.of(HEADER, CATALOGUE, REALISATIONS));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            var page = document.getPage(0);
            var box = page.getMediaBox();
            boolean turned = page.getRotation() % 180 != 0;
            // A4 (595 × 842 pt) shown landscape: a wide box, or a tall one turned a quarter
            assertThat(turned ? box.getHeight() : box.getWidth()).isEqualTo(842f, org.assertj.core.data.Offset.offset(1f));
            assertThat(turned ? box.getWidth() : box.getHeight()).isEqualTo(595f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Tableau de synthèse des réalisations professionnelles", "LOVELACE Ada",
                    "Lycée Évariste-Galois", "Parc GLPI", "Application de stocks", "Veille",
                    "Réalisations en milieu professionnel en cours de seconde année", "œuvre d’une application");
        }
    }

    @Test
    void theFichesAreTheBloc2RealisationsOnePerPage() throws IOException {
        byte[] pdf = PdfPapers.fiches(Fiche.of(HEADER, CATALOGUE, REALISATIONS));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Fiche descriptive de réalisation professionnelle", "Application de stocks",
                    "[X] B2.1", "[ ] B2.2", "[X] B2.3", "Garage Dupré", "E6 (depuis 2024)")
                    .doesNotContain("Parc GLPI");
        }
    }

    @Test
    void theFichesXlsxHaveOneSheetPerBloc2RealisationWithTheSameLines() throws IOException {
        List<Fiche> fiches = Fiche.of(HEADER, CATALOGUE, REALISATIONS);
        byte[] xlsx = FichesXlsx.of(fiches);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet, 1, 0)).contains("Fiche descriptive de réalisation professionnelle", "E6");
            List<List<String>> lines = fiches.getFirst().lines();
            for (int i = 0; i < lines.size(); i++) {
                assertThat(text(sheet, FichesXlsx.FIRST_LINE + i, 0)).isEqualTo(lines.get(i).get(0));
                assertThat(text(sheet, FichesXlsx.FIRST_LINE + i, 1)).isEqualTo(lines.get(i).get(1));
            }
            assertThat(text(sheet, FichesXlsx.FIRST_LINE + 4, 1)).isEqualTo("Application de stocks");
        }
    }

    @Test
    void zipNamesArePlainAscii() {
        assertThat(PortfolioExports.prefix(HEADER, 7)).isEqualTo("LOVELACE_Ada");
        assertThat(PortfolioExports.prefix(new ExamPapers.Header("", "Dupré-Noël", "Zoé", "", "", "", "", "", "",
                ""), 7)).isEqualTo("DUPRE_NOEL_Zoe");
        assertThat(PortfolioExports.prefix(new ExamPapers.Header("", "", "", "", "", "", "", "", "", ""), 7))
                .isEqualTo("Etudiant_7");
    }

    private static String text(Sheet sheet, int r, int c) {
        return sheet.getRow(r).getCell(c).getStringCellValue();
    }

    private static List<String> ticks(Row row) {
        List<String> ticks = new ArrayList<>();
        for (int c = 4; c < 10; c++) {
            ticks.add(row.getCell(c).getStringCellValue());
        }
        return ticks;
    }
}
