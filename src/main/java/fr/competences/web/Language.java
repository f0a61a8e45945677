package fr.competences.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;

/**
 * French by default. The tool's pages switch to English with {@code ?lang=en} only (a link on every page):
 * inside Moodle the browser's language says little about the user's. The JSON API and error pages also
 * follow Accept-Language, since a refused launch or an API client has no other way to ask.
 */
public final class Language {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Language() {
    }

    /** For pages: {@code ?lang=en}, else French. */
    public static Locale ofPage(UriInfo uri) {
        return of(null, uri);
    }

    /** For the API: {@code ?lang=}, else the first of French or English in Accept-Language, else French. */
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
