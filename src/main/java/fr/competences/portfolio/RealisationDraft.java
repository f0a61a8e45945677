package fr.competences.portfolio;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException.Problem;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A réalisation as the student describes it (creation or edit), from the JSON API or the page's form. Texts are
 * trimmed, blank ones absent; dates are ISO (yyyy-mm-dd); {@code productions} are http(s) links; {@code skills} are
 * codes of bloc 1 or bloc 2 of the BTS SIO référentiel. {@link #check} says what is wrong, all at once.
 */
public record RealisationDraft(String setting, String title, String description, String organisation, String place,
        String from, String to, Boolean team, String conditions, String documentary, String hardware,
        String software, List<String> productions, List<String> skills) {

    static final int MAX_TITLE = 200;
    static final int MAX_SHORT = 200;
    static final int MAX_LONG = 4000;
    static final int MAX_RESOURCES = 2000;
    static final int MAX_LINKS = 20;
    static final int MAX_LINK = 500;

    /** A draft with nothing wrong, ready to store. */
    record Checked(RealisationSetting setting, String title, String description, String organisation, String place,
            LocalDate from, LocalDate to, boolean team, String conditions, String documentary, String hardware,
            String software, List<String> productions, Set<String> skills) {
    }

    public RealisationDraft {
        productions = productions == null ? List.of() : productions.stream().map(RealisationDraft::clean)
                .filter(link -> link != null).toList();
        skills = skills == null ? List.of() : skills.stream().map(RealisationDraft::clean)
                .filter(code -> code != null).toList();
    }

    /** The checked draft; {@code problems} receives one line per wrong field, and the result is null if any. */
    Checked check(Set<String> allowedSkills, List<Problem> problems) {
        RealisationSetting where = null;
        try {
            where = setting == null ? null : RealisationSetting.valueOf(setting.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            where = null;
        }
        if (where == null) {
            problems.add(new Problem("setting", LocalizedText.of(
                    "Choisissez le contexte : TRAINING (en cours de formation), WORK_YEAR_1 (milieu professionnel, "
                            + "1re année) ou WORK_YEAR_2 (milieu professionnel, 2e année).",
                    "Choose the setting: TRAINING, WORK_YEAR_1 (at work, first year) or WORK_YEAR_2 (at work, "
                            + "second year).")));
        }
        String name = clean(title);
        if (name == null || name.length() > MAX_TITLE) {
            problems.add(new Problem("title", LocalizedText.of(
                    "Donnez un intitulé de 1 à " + MAX_TITLE + " caractères.",
                    "Give a title of 1 to " + MAX_TITLE + " characters.")));
        }
        String text = limited("description", description, MAX_LONG, problems);
        String organisationName = limited("organisation", organisation, MAX_SHORT, problems);
        String where2 = limited("place", place, MAX_SHORT, problems);
        String conditionsText = limited("conditions", conditions, MAX_LONG, problems);
        String documents = limited("documentary", documentary, MAX_RESOURCES, problems);
        String machines = limited("hardware", hardware, MAX_RESOURCES, problems);
        String programs = limited("software", software, MAX_RESOURCES, problems);
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new Problem("to", LocalizedText.of("La fin de la période précède son début.",
                    "The period ends before it starts.")));
        }
        links(problems);
        Set<String> codes = new LinkedHashSet<>(skills);
        List<String> unknown = codes.stream().filter(code -> !allowedSkills.contains(code)).toList();
        if (!unknown.isEmpty()) {
            problems.add(new Problem("skills", LocalizedText.of(
                    "Ces codes ne sont pas des compétences ou savoir-faire des blocs 1 et 2 : " + String.join(", ",
                            unknown) + ".",
                    "These codes are not compétences or savoir-faire of blocs 1 and 2: " + String.join(", ",
                            unknown) + ".")));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Checked(where, name, text, organisationName, where2, start, end, Boolean.TRUE.equals(team),
                conditionsText, documents, machines, programs, productions, codes);
    }

    private void links(List<Problem> problems) {
        if (productions.size() > MAX_LINKS) {
            problems.add(new Problem("productions", LocalizedText.of(
                    "Au plus " + MAX_LINKS + " liens vers les productions.",
                    "At most " + MAX_LINKS + " links to the productions.")));
            return;
        }
        for (String link : productions) {
            if (!isWebLink(link)) {
                problems.add(new Problem("productions", LocalizedText.of(
                        "Ce lien n’est pas une adresse http(s) d’au plus " + MAX_LINK + " caractères : " + shortened(link),
                        "This link is not an http(s) address of at most " + MAX_LINK + " characters: "
                                + shortened(link))));
            }
        }
    }

    static boolean isWebLink(String link) {
        if (link.length() > MAX_LINK || link.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static String limited(String field, String value, int max, List<Problem> problems) {
        String text = clean(value);
        if (text != null && text.length() > max) {
            problems.add(new Problem(field, LocalizedText.of("Au plus " + max + " caractères.",
                    "At most " + max + " characters.")));
        }
        return text;
    }

    private static LocalDate date(String field, String value, List<Problem> problems) {
        String text = clean(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, LocalizedText.of("Date attendue au format AAAA-MM-JJ.",
                    "A date in the form YYYY-MM-DD is expected.")));
            return null;
        }
    }

    /** Trimmed, or null when blank; line ends normalized. */
    static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replace("\r\n", "\n");
    }
}
