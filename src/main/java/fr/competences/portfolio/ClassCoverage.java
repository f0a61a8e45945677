package fr.competences.portfolio;

import java.util.List;

/** The class's portfolio coverage: students × bloc 1 compétences, and each one's bloc 2 count. */
public record ClassCoverage(List<String> bloc1, List<Row> students) {

    /** One student: their réalisations' count and coverage. */
    public record Row(long userId, String name, int realisations, Coverage coverage) {
    }
}
