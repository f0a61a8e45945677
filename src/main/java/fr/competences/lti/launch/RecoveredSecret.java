package fr.competences.lti.launch;

import java.util.Optional;

/**
 * The browser secret a recovery page posts back ({@code lti_browser_secret}, read by {@code assets/lti.js} from the
 * storage of the frame that logged in), accepted only from a request the tool's own page sent. Otherwise it would be
 * a login CSRF: an attacker logs in in their own browser, keeps the id_token, state and secret, and has a page of
 * theirs post all three from the victim's browser, which would then work in the attacker's session (their evidence,
 * their name). A page of another site cannot send a same-origin request: browsers say where a request comes from in
 * {@code Sec-Fetch-Site} (Fetch Metadata), or in {@code Origin} for those that do not send it yet, and scripts cannot
 * forge either header. Without both, the secret is not taken (the new-window way out remains).
 */
final class RecoveredSecret {

    private RecoveredSecret() {
    }

    /** The secret, when it comes from a page of {@code toolOrigin}; empty otherwise. */
    static Optional<String> of(String secret, String fetchSite, String origin, String toolOrigin) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        boolean fromToolPage = fetchSite != null ? fetchSite.equals("same-origin")
                : origin != null && origin.equals(toolOrigin);
        return fromToolPage ? Optional.of(secret) : Optional.empty();
    }
}
