package fr.competences.portfolio;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The content of the tableau de synthèse, whatever the file it goes to: the header, the three sections in the
 * official order, one row per réalisation (intitulé, description, productions, période) and one tick per bloc 1
 * compétence, whose column heading lists its savoir-faire as the 2026 template prints them.
 */
record Tableau(ExamPapers.Header header, List<Column> columns, List<Section> sections) {

    static final String TITLE = "Tableau de synthèse des réalisations professionnelles";
    static final List<String> HEADINGS = List.of("Intitulé de la réalisation", "Description",
            "Productions / documents associés", "Période de réalisation");
    static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A bloc 1 compétence's column: its code and title, and its savoir-faire. */
    record Column(String code, String title, List<String> savoirFaire) {

        String heading() {
            return code + " " + title;
        }
    }

    record Section(String title, List<Row> rows) {
    }

    /** One réalisation; {@code ticks} has one entry per column. */
    record Row(String title, String description, String productions, String period, List<Boolean> ticks) {
    }

    static Tableau of(ExamPapers.Header header, Catalogue catalogue, List<RealisationView> realisations) {
        List<Column> columns = catalogue.bloc1().competences().stream().map(c -> new Column(c.code(), c.title(),
                c.savoirFaire().stream().map(Catalogue.Skill::title).toList())).toList();
        List<Section> sections = java.util.Arrays.stream(RealisationSetting.values()).map(setting -> new Section(
                setting.section().fr(), realisations.stream().filter(r -> r.setting() == setting)
                        .map(r -> row(r, columns)).toList())).toList();
        return new Tableau(header, columns, sections);
    }

    private static Row row(RealisationView r, List<Column> columns) {
        return new Row(r.title(), r.description() == null ? "" : r.description(),
                String.join("\n", r.productions()), period(r.from(), r.to()),
                columns.stream().map(c -> r.skills().stream().anyMatch(code -> Coverage.within(code, c.code())))
                        .toList());
    }

    /** "Du 01/10/2025 au 15/11/2025", as the form reads. */
    static String period(String from, String to) {
        String start = from == null ? "" : DATES.format(LocalDate.parse(from));
        String end = to == null ? "" : DATES.format(LocalDate.parse(to));
        if (start.isEmpty() && end.isEmpty()) {
            return "";
        }
        return "Du " + start + " au " + end;
    }

    String sessionLine() {
        return "BTS SERVICES INFORMATIQUES AUX ORGANISATIONS – SESSION " + header.session();
    }

    String examLine() {
        return "Épreuve " + header.bloc1Exam() + " — Support et mise à disposition de services informatiques";
    }

    /** The identification lines, label and value. */
    List<List<String>> identification() {
        return List.of(List.of("NOM et prénom", nameLine()), List.of("N° candidat", header.candidateNumber()),
                List.of("Centre de formation", header.centre()), List.of("Option", header.option()),
                List.of("Adresse URL du portfolio", header.portfolioUrl()));
    }

    /** NOM Prénom: the family name in capitals, as exam papers print it. */
    String nameLine() {
        if (header.familyName().isBlank()) {
            return header.fullName();
        }
        return header.familyName().toUpperCase(java.util.Locale.FRENCH) + " " + header.givenName();
    }

    static String columnText(Column column) {
        return column.heading() + "\n" + column.savoirFaire().stream().map(s -> "• " + s)
                .collect(Collectors.joining("\n"));
    }
}
