package fr.competences.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/** French by default; English when the request asks for it ({@code ?lang=en} or Accept-Language). */
public final class Language {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Language() {
    }

    public static Locale of(HttpHeaders headers, UriInfo uri) {
        String requested = uri == null ? null : uri.getQueryParameters().getFirst("lang");
        if (requested != null) {
            return requested.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : FRENCH;
        }
        if (headers != null) {
            for (Locale accepted : headers.getAcceptableLanguages()) {
                if ("fr".equals(accepted.getLanguage())) {
                    return FRENCH;
                }
                if ("en".equals(accepted.getLanguage())) {
                    return ENGLISH;
                }
            }
        }
        return FRENCH;
    }

    public static boolean isEnglish(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
