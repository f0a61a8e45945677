package fr.competences.errors;

import java.util.Locale;

/** A message a user reads, in French and in English; French is the default. */
public record LocalizedText(String fr, String en) {

    public static LocalizedText of(String fr, String en) {
        return new LocalizedText(fr, en);
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : fr;
    }

    @Override
    public String toString() {
        return fr;
    }
}
