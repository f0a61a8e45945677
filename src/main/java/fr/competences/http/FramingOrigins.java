package fr.competences.http;

/**
 * Who may frame the tool's pages, as a Content-Security-Policy {@code frame-ancestors} source list. The LTI
 * registrations know (each platform's origins); this package only writes the header, so it asks through this
 * interface and depends on no capability.
 */
public interface FramingOrigins {

    /** The source list, e.g. {@code 'self' https://moodle.lycee.fr}. */
    String sources();

    /**
     * The source list while a platform registers itself, which no registration names yet: its OpenID configuration
     * URL's origin added (the list alone when that URL is not an http(s) URL).
     */
    String sourcesWhileRegistering(String openIdConfigurationUrl);
}
