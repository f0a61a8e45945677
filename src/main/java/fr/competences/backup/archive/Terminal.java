package fr.competences.backup.archive;

import java.util.Locale;

/** The language the commands speak: English when the terminal's locale is English ({@code LANG=en_GB.UTF-8}), else French. */
final class Terminal {

    private Terminal() {
    }

    static boolean english() {
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT).startsWith("en");
            }
        }
        return false;
    }

    static String say(String fr, String en) {
        return english() ? en : fr;
    }
}
