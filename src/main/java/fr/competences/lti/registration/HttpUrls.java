package fr.competences.lti.registration;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tests every URL of a registration passes. */
final class HttpUrls {

    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private HttpUrls() {
    }

    /** Absolute, http or https, with a host. */
    static Optional<URI> parse(String value) {
        try {
            URI uri = value == null ? null : URI.create(value);
            return uri != null && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) ? Optional.of(uri)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * What an issuer must be: an absolute https URL without user, query or fragment; http only on a loopback host
     * (a platform on the developer's machine). Launch tokens and grades must not cross a network in clear text.
     */
    static boolean isIssuer(String value) {
        Optional<URI> uri = parse(value);
        return uri.isPresent() && uri.get().getRawUserInfo() == null && uri.get().getRawQuery() == null
                && uri.get().getRawFragment() == null
                && ("https".equals(uri.get().getScheme()) || isLoopbackHost(uri.get().getHost()));
    }

    /** {@code localhost}, 127.0.0.0/8 or [::1] as written in the URL: no DNS lookup. */
    static boolean isLoopbackHost(String host) {
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return "localhost".equals(name) || LOOPBACK_IPV4.matcher(name).matches() || "[::1]".equals(name)
                || "::1".equals(name) || "[0:0:0:0:0:0:0:1]".equals(name);
    }
}
