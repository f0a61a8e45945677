package fr.competences.view;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * French or English, French by default; {@code ?lang=fr|en} (the link on every page) always wins.
 * <ul>
 * <li>Pages of an LTI session are in the session's language: the {@code locale} the platform sent with the launch
 * (Moodle: the user's language), until the user picks the other language with the link, which then stays the
 * session's language (see {@code LtiSessionFilter}). Inside Moodle the browser's language says little about the
 * user's, so these pages ignore Accept-Language.</li>
 * <li>Pages without a session (the référentiels): {@code ?lang=en}, else French.</li>
 * <li>The JSON API and error pages: {@code ?lang=}, else Accept-Language (the pages' scripts send the page's
 * language), since a refused request or an API client has no other way to ask. A refused launch first reads the
 * locale of its id_token.</li>
 * </ul>
 */
public final class Language {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final String PARAMETER = "lang";

    private Language() {
    }

    /**
     * French or English from a language tag: Moodle's language codes ({@code en}, {@code en_us}, {@code fr_ca}) or
     * BCP 47 ({@code en-GB}). Anything else, or nothing, is French: the tool has no other language.
     */
    public static Locale fromTag(String tag) {
        String primary = tag == null ? "" : tag.strip().split("[-_]", 2)[0];
        return "en".equalsIgnoreCase(primary) ? ENGLISH : FRENCH;
    }

    /** The language asked for with {@code ?lang=}, if any. */
    public static Optional<Locale> requested(UriInfo uri) {
        return Optional.ofNullable(uri == null ? null : uri.getQueryParameters().getFirst(PARAMETER))
                .map(Language::fromTag);
    }

    /** For pages without a session: {@code ?lang=en}, else French. */
    public static Locale ofPage(UriInfo uri) {
        return requested(uri).orElse(FRENCH);
    }

    /**
     * For the API and error pages: {@code ?lang=}, else the first of French or English in Accept-Language,
     * else French.
     */
    public static Locale of(HttpHeaders headers, UriInfo uri) {
        return requested(uri).orElseGet(() -> accepted(headers));
    }

    public static boolean isEnglish(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    private static Locale accepted(HttpHeaders headers) {
        if (headers != null) {
            List<Locale> languages;
            try {
                languages = headers.getAcceptableLanguages();
            } catch (RuntimeException unparsable) {
                return FRENCH; // an Accept-Language that does not parse asks for no language
            }
            for (Locale accepted : languages) {
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
}
