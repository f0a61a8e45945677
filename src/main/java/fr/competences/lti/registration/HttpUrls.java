package fr.competences.lti.registration;

import java.net.URI;
import java.util.Optional;

/** The one test every URL of a registration passes: absolute, http or https, with a host. */
final class HttpUrls {

    private HttpUrls() {
    }

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
}
