package fr.competences.portfolio;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The class coverage page's model: one row per student, one cell per bloc 1 compétence, gaps marked, sorted. */
final class ClassCoverageModel {

    private final Map<String, String> t;
    private final Catalogue catalogue;

    ClassCoverageModel(Map<String, String> texts, Catalogue catalogue) {
        this.t = texts;
        this.catalogue = catalogue;
    }

    Map<String, Object> of(ClassCoverage coverage, String sort) {
        Map<String, Object> model = new HashMap<>();
        model.put("columns", catalogue.bloc1().competences().stream().map(c -> Map.of("code", c.code(),
                "title", c.title())).toList());
        List<ClassCoverage.Row> rows = coverage.students().stream().sorted(order(sort)).toList();
        model.put("students", rows.stream().map(this::row).toList());
        model.put("hasStudents", !rows.isEmpty());
        String by = sort == null ? "name" : sort;
        model.put("sortName", by.equals("name"));
        model.put("sortGaps", by.equals("gaps"));
        model.put("sortBloc2", by.equals("bloc2"));
        return model;
    }

    /**
     * By name: the class list's own order (family name, then given name, as {@code CourseStudents} lists it); by
     * gaps (most first) or by bloc 2 réalisations (fewest first), ties in that order (the sort is stable).
     */
    static Comparator<ClassCoverage.Row> order(String sort) {
        if ("gaps".equals(sort)) {
            return Comparator.comparingInt(r -> -r.coverage().missing().size());
        }
        if ("bloc2".equals(sort)) {
            return Comparator.comparingInt(r -> r.coverage().bloc2Realisations());
        }
        return (a, b) -> 0;
    }

    private Map<String, Object> row(ClassCoverage.Row row) {
        Map<String, Object> line = new HashMap<>();
        line.put("userId", row.userId());
        line.put("name", row.name());
        line.put("realisations", row.realisations());
        line.put("cells", row.coverage().bloc1().entrySet().stream().map(e -> Map.of("code", e.getKey(),
                "count", e.getValue(), "gap", e.getValue() == 0,
                "label", e.getValue() == 0 ? t.get("portfolio_not_covered") : e.getValue().toString())).toList());
        line.put("bloc2", row.coverage().bloc2Realisations() + " / " + Coverage.BLOC2_REQUIRED);
        line.put("bloc2Gap", !row.coverage().bloc2Complete());
        line.put("gaps", row.coverage().missing().size());
        return line;
    }
}
