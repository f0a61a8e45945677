package fr.competences.portfolio;

import fr.competences.assessment.LevelNames;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The portfolio page's model: the coverage panel in plain sentences, the sections, and the fiche's form. */
final class PortfolioModel {

    private final Map<String, String> t;
    private final Locale locale;
    private final Catalogue catalogue;
    private long studentUserId;

    /** Dates are read in French mainland time: the BTS is French. */
    static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    PortfolioModel(Map<String, String> texts, Locale locale, Catalogue catalogue) {
        this.t = texts;
        this.locale = locale;
        this.catalogue = catalogue;
    }

    Map<String, Object> of(Portfolios.Portfolio portfolio, RealisationView editing, boolean teacher) {
        Map<String, Object> model = new HashMap<>();
        studentUserId = portfolio.studentUserId();
        model.put("student", portfolio.student());
        model.put("teacherView", teacher);
        model.put("bloc1Exam", portfolio.bloc1Exam());
        model.put("bloc2Exam", portfolio.bloc2Exam());
        model.put("coverage", coverage(portfolio.coverage()));
        model.put("sections", sections(portfolio.realisations()));
        model.put("hasRealisations", !portfolio.realisations().isEmpty());
        if (!teacher) {
            model.put("form", form(editing));
        }
        return model;
    }

    private Map<String, Object> coverage(Coverage coverage) {
        Map<String, Object> model = new HashMap<>();
        model.put("bloc1Complete", coverage.bloc1Complete());
        model.put("bloc1", catalogue.bloc1().competences().stream().map(c -> {
            int count = coverage.bloc1().getOrDefault(c.code(), 0);
            return Map.<String, Object>of("code", c.code(), "title", c.title(), "covered", count > 0,
                    "count", t.get(count == 1 ? "portfolio_one_realisation" : "portfolio_realisations_count")
                            .formatted(count));
        }).toList());
        model.put("bloc1Summary", coverage.bloc1Complete() ? t.get("portfolio_bloc1_complete")
                : t.get("portfolio_bloc1_missing").formatted(String.join(", ", coverage.missing())));
        model.put("bloc2Complete", coverage.bloc2Complete());
        model.put("bloc2Summary", coverage.bloc2Complete()
                ? t.get("portfolio_bloc2_complete").formatted(coverage.bloc2Realisations())
                : t.get("portfolio_bloc2_missing").formatted(coverage.bloc2Realisations(), Coverage.BLOC2_REQUIRED));
        return model;
    }

    private List<Map<String, Object>> sections(List<RealisationView> realisations) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (RealisationSetting setting : RealisationSetting.values()) {
            List<Map<String, Object>> rows = realisations.stream().filter(r -> r.setting() == setting)
                    .map(this::row).toList();
            sections.add(Map.of("title", setting.section().in(locale), "rows", rows, "empty", rows.isEmpty()));
        }
        return sections;
    }

    private Map<String, Object> row(RealisationView r) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", r.id());
        row.put("title", r.title());
        row.put("description", r.description());
        row.put("organisation", r.organisation());
        row.put("place", r.place());
        row.put("period", period(r.from(), r.to()));
        row.put("modality", t.get(r.team() ? "portfolio_team" : "portfolio_alone"));
        row.put("skills", String.join(", ", r.skills()));
        row.put("hasSkills", !r.skills().isEmpty());
        row.put("productions", r.productions());
        row.put("hasProductions", !r.productions().isEmpty());
        row.put("studentUserId", studentUserId);
        if (r.review() != null) {
            row.put("review", t.get("portfolio_review_" + r.review().name()));
            row.put("reviewClass", r.review() == ReviewStatus.VALIDATED ? "validated" : "to-revise");
        }
        row.put("validated", r.review() == ReviewStatus.VALIDATED);
        row.put("toRevise", r.review() == ReviewStatus.TO_REVISE);
        DateTimeFormatter stamps = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        row.put("comments", r.comments().stream().map(c -> Map.of("author", c.author(), "text", c.text(),
                "at", stamps.format(c.at().atZoneSameInstant(PARIS)))).toList());
        row.put("hasComments", !r.comments().isEmpty());
        row.put("attachments", r.attachments().stream().map(a -> Map.of("id", a.id(), "realisationId", r.id(), "activity", a.activity(),
                "evidence", a.evidence() == null ? "" : a.evidence(), "hasHints", !a.hints().isEmpty(),
                "hints", a.hints().stream().map(h -> h.code() + " : " + LevelNames.of(h.level(), h.label(), locale))
                        .collect(java.util.stream.Collectors.joining(" · ")))).toList());
        row.put("hasAttachments", !r.attachments().isEmpty());
        return row;
    }

    /** "du 2 oct. 2025 au 14 nov. 2025", or the one date known, or nothing. */
    String period(String from, String to) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String start = from == null ? null : dates.format(LocalDate.parse(from));
        String end = to == null ? null : dates.format(LocalDate.parse(to));
        if (start != null && end != null) {
            return t.get("portfolio_period").formatted(start, end);
        }
        return start != null ? start : end == null ? "" : end;
    }

    private Map<String, Object> form(RealisationView editing) {
        Map<String, Object> form = new HashMap<>();
        Set<String> ticked = editing == null ? Set.of() : Set.copyOf(editing.skills());
        form.put("editing", editing != null);
        if (editing != null) {
            form.put("id", editing.id());
            form.put("title", editing.title());
            form.put("description", editing.description());
            form.put("organisation", editing.organisation());
            form.put("place", editing.place());
            form.put("from", editing.from());
            form.put("to", editing.to());
            form.put("team", editing.team());
            form.put("conditions", editing.conditions());
            form.put("documentary", editing.documentary());
            form.put("hardware", editing.hardware());
            form.put("software", editing.software());
            form.put("productions", String.join("\n", editing.productions()));
        }
        form.put("settings", java.util.Arrays.stream(RealisationSetting.values()).map(s -> Map.of("value", s.name(),
                "label", t.get("portfolio_setting_" + s.name()),
                "selected", editing != null && editing.setting() == s)).toList());
        form.put("blocs", List.of(bloc(catalogue.bloc1(), ticked), bloc(catalogue.bloc2(), ticked)));
        return form;
    }

    private Map<String, Object> bloc(Catalogue.Bloc bloc, Set<String> ticked) {
        return Map.of("code", bloc.code(), "title", bloc.title(), "competences", bloc.competences().stream()
                .map(c -> Map.of("code", c.code(), "title", c.title(), "checked", ticked.contains(c.code()),
                        "savoirFaire", c.savoirFaire().stream().map(s -> Map.of("code", s.code(), "title", s.title(),
                                "checked", ticked.contains(s.code()))).toList()))
                .toList());
    }
}
