package fr.competences.lti.registration;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins (scheme, host, port: RFC 6454) as a Content-Security-Policy source expression writes them:
 * {@code https://moodle.lycee.fr}, the port only when it is not the scheme's default.
 */
public final class Origins {

    private Origins() {
    }

    /** The origin of an absolute http(s) URL (an issuer, a configuration URL); empty for anything else. */
    public static Optional<String> of(String url) {
        return HttpUrls.parse(url).map(Origins::of);
    }

    /**
     * An origin as an administrator writes it: an http(s) URL with nothing after the host and port but an optional
     * final slash, and no user info. Empty when it is anything more or less (a path would be silently ignored).
     */
    static Optional<String> parseExact(String value) {
        Optional<URI> uri = HttpUrls.parse(value == null ? null : value.strip());
        return uri.filter(u -> u.getRawUserInfo() == null && u.getRawQuery() == null && u.getRawFragment() == null
                        && (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/")))
                .map(Origins::of);
    }

    static String of(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean defaultPort = uri.getPort() == -1 || ("https".equals(scheme) && uri.getPort() == 443)
                || ("http".equals(scheme) && uri.getPort() == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + uri.getPort());
    }
}
