package fr.competences.lti.registration;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin of a URL (RFC 6454): scheme, host and port, the default port filled in. Two URLs are on the same origin
 * only when all three match: a server on another port of an LMS's host is another origin, not the LMS.
 */
public record Origin(String scheme, String host, int port) {

    public static Optional<Origin> of(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return "https".equals(scheme) || "http".equals(scheme)
                ? Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port)) : Optional.empty();
    }

    public static Optional<Origin> of(String url) {
        try {
            return url == null ? Optional.empty() : of(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * An origin as an administrator writes it: {@code https://moodle.lycee.fr[:port]} with nothing after the
     * authority but an optional {@code /}.
     */
    public static Optional<Origin> parse(String value) {
        try {
            URI uri = value == null ? null : URI.create(value.trim());
            boolean bare = uri != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty()
                            || "/".equals(uri.getRawPath()));
            return bare ? of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean contains(URI uri) {
        return of(uri).filter(this::equals).isPresent();
    }

    /** {@code localhost}, 127.0.0.0/8 or [::1], written as such: no DNS. */
    public boolean isLoopback() {
        return HttpUrls.isLoopbackHost(host);
    }

    @Override
    public String toString() {
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
