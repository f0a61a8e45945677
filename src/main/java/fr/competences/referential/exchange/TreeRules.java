package fr.competences.referential.exchange;

import fr.competences.referential.ItemKind;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.ReferentielTree.Item;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules every référentiel obeys, whatever file it came from. */
public final class TreeRules {

    public static final int MAX_CODE = 50;
    public static final int MAX_TITLE = 1000;
    public static final int MAX_REFERENTIEL_TITLE = 500;
    private static final Pattern REFERENTIEL_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private TreeRules() {
    }

    /** A référentiel code is a URL-friendly slug: lower-case letters, digits and hyphens. */
    public static boolean isValidReferentielCode(String code) {
        return code != null && REFERENTIEL_CODE.matcher(code).matches();
    }

    /** Derives a slug from a title: "BTS SIO 2019 – SLAM" gives "bts-sio-2019-slam". */
    public static String slug(String title) {
        String ascii = java.text.Normalizer.normalize(title == null ? "" : title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        String cut = ascii.length() > 100 ? ascii.substring(0, 100).replaceAll("-+$", "") : ascii;
        return cut.isEmpty() ? "referentiel" : cut;
    }

    static void check(ReferentielTree tree, Problems problems) {
        if (tree.title() == null || tree.title().isBlank()) {
            problems.add("titre", "Le référentiel n'a pas de titre.", "The framework has no title.");
        } else if (tree.title().length() > MAX_REFERENTIEL_TITLE) {
            problems.add("titre", "Le titre du référentiel dépasse " + MAX_REFERENTIEL_TITLE + " caractères.",
                    "The framework title is longer than " + MAX_REFERENTIEL_TITLE + " characters.");
        }
        if (tree.blocs().isEmpty()) {
            problems.add("référentiel", "Le référentiel ne contient aucun bloc.", "The framework has no block.");
        }
        // The columns' sizes (V1__referentiels.sql): refuse here what the database would refuse at the end.
        checkLength("description", tree.description(), 4000, problems);
        checkLength("version", tree.version(), 100, problems);
        checkLength("source", tree.sourceUrl(), 1000, problems);
        checkLength("langue", tree.language(), 10, problems);
        Set<String> codes = new HashSet<>();
        tree.items().forEach(item -> checkItem(item, codes, problems));
    }

    private static void checkItem(Item item, Set<String> codes, Problems problems) {
        String where = item.code() == null || item.code().isBlank() ? "« " + abbreviate(item.title()) + " »" : item.code();
        if (item.code() == null || item.code().isBlank()) {
            problems.add(where, "Code manquant : chaque élément a besoin d'un code stable (ex. B1.1.1).",
                    "Missing code: every item needs a stable code (e.g. B1.1.1).");
        } else if (item.code().length() > MAX_CODE) {
            problems.add(where, "Code trop long (plus de " + MAX_CODE + " caractères).",
                    "Code too long (over " + MAX_CODE + " characters).");
        } else if (!codes.add(item.code())) {
            problems.add(where, "Code en double : " + item.code() + " est utilisé par plusieurs éléments.",
                    "Duplicate code: " + item.code() + " is used by several items.");
        }
        if (item.title() == null || item.title().isBlank()) {
            problems.add(where, "Intitulé manquant.", "Missing title.");
        } else if (item.title().length() > MAX_TITLE) {
            problems.add(where, "Intitulé trop long (plus de " + MAX_TITLE + " caractères).",
                    "Title too long (over " + MAX_TITLE + " characters).");
        }
        checkLength(where + " (intitulé court)", item.shortTitle(), 255, problems);
        if (item.kind() == ItemKind.SAVOIR_FAIRE && !item.children().isEmpty()) {
            problems.add(where, "Trop de niveaux : un savoir-faire (niveau 3) ne peut pas avoir d'enfants.",
                    "Too many levels: a skill (level 3) cannot have children.");
        }
    }

    private static void checkLength(String where, String value, int max, Problems problems) {
        if (value != null && value.length() > max) {
            problems.add(where, "Trop long : " + value.length() + " caractères pour " + max + " au plus.",
                    "Too long: " + value.length() + " characters, at most " + max + ".");
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
