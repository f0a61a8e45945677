package fr.competences.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fiche descriptive de réalisation professionnelle of one bloc 2 réalisation, as label and value lines in the
 * fiche's order: number, candidate, organisation, intitulé, period, place, modality, the three bloc 2 compétences
 * ticked or not, conditions, resources, access to the productions.
 */
record Fiche(ExamPapers.Header header, int number, List<List<String>> lines) {

    static final String TITLE = "Fiche descriptive de réalisation professionnelle";

    static List<Fiche> of(ExamPapers.Header header, Catalogue catalogue, List<RealisationView> realisations) {
        List<RealisationView> bloc2 = realisations.stream().filter(r -> r.skills().stream()
                .anyMatch(code -> Coverage.within(code, catalogue.bloc2().code()))).toList();
        List<Fiche> fiches = new ArrayList<>();
        for (int i = 0; i < bloc2.size(); i++) {
            fiches.add(new Fiche(header, i + 1, lines(header, catalogue, bloc2.get(i), i + 1)));
        }
        return fiches;
    }

    private static List<List<String>> lines(ExamPapers.Header header, Catalogue catalogue, RealisationView r,
            int number) {
        String competences = catalogue.bloc2().competences().stream().map(c -> (r.skills().stream()
                .anyMatch(code -> Coverage.within(code, c.code())) ? "[X] " : "[ ] ") + c.code() + " " + c.title())
                .collect(Collectors.joining("\n"));
        String name = header.familyName().isBlank() ? header.fullName()
                : header.familyName().toUpperCase(java.util.Locale.FRENCH) + " " + header.givenName();
        return List.of(
                List.of("N° réalisation", Integer.toString(number)),
                List.of("NOM et prénom", name),
                List.of("N° candidat", header.candidateNumber()),
                List.of("Organisation support", text(r.organisation())),
                List.of("Intitulé de la réalisation", r.title()),
                List.of("Période de réalisation", Tableau.period(r.from(), r.to())),
                List.of("Lieu", text(r.place())),
                List.of("Modalité", r.team() ? "En équipe" : "Seul(e)"),
                List.of("Compétences travaillées", competences),
                List.of("Conditions de réalisation", text(r.conditions())),
                List.of("Ressources documentaires", text(r.documentary())),
                List.of("Ressources matérielles", text(r.hardware())),
                List.of("Ressources logicielles", text(r.software())),
                List.of("Modalités d’accès aux productions", String.join("\n", r.productions())),
                List.of("Description", text(r.description())));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
