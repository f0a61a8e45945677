package fr.competences.assessment;

import fr.competences.view.Language;
import java.util.List;
import java.util.Locale;

/**
 * What a level of a course's scale is called where people read it. The default scale is stored with its French
 * labels ({@link Scale#DEFAULT}); a level whose label is still its default one is named in the reader's language
 * (« Acquis » reads "Acquired" on an English page), a label a teacher typed is shown as typed, in every language.
 * Every page, display JSON and export asks here ({@link Scale#in}); what is written once for all readers (Moodle's
 * feedback, stored data) keeps the stored labels.
 */
public final class LevelNames {

    /** The default levels' English names, level 0 to 3, as docs/assessment.md and messages_en.properties name them. */
    static final List<String> ENGLISH = List.of("Not acquired", "Being acquired", "Acquired", "Mastered");

    private LevelNames() {
    }

    /** The label of level {@code value} as a reader of {@code locale} sees it. */
    public static String of(int value, String label, Locale locale) {
        return Language.isEnglish(locale) && isDefault(value, label) ? ENGLISH.get(value) : label;
    }

    /**
     * The label to store for level {@code value}: a default level's English name sent back unchanged from an English
     * page (the scale form shows it) is the default level, stored as such so that French readers keep reading it in
     * French.
     */
    static String stored(int value, String label) {
        return value >= 0 && value < ENGLISH.size() && ENGLISH.get(value).equalsIgnoreCase(label.strip())
                ? Scale.DEFAULT.level(value).label() : label;
    }

    /** Still the default label of its level (the apostrophe typed either way). */
    static boolean isDefault(int value, String label) {
        return value >= 0 && value < Scale.DEFAULT.levels().size() && label != null
                && comparable(Scale.DEFAULT.level(value).label()).equals(comparable(label));
    }

    private static String comparable(String label) {
        return label.strip().replace('’', '\'');
    }
}
