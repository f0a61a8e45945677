package fr.competences.lti.launch;

/**
 * The cookie that holds a login's browser secret until the launch. {@code SameSite=None; Secure} so that the
 * platform's cross-site POST carries it, {@code Partitioned} (CHIPS) so that browsers phasing out third-party
 * cookies keep it for the tool inside the platform's frame. Scoped to the launch path, gone after the launch.
 */
final class StateCookie {

    private static final String PATH = "/lti/launch";

    private StateCookie() {
    }

    static String set(LoginState login, String browserSecret) {
        return login.storageKey() + "=" + browserSecret + "; Path=" + PATH + "; Max-Age="
                + LoginStates.VALIDITY.toSeconds() + "; HttpOnly; Secure; SameSite=None; Partitioned";
    }

    static String delete(LoginState login) {
        return login.storageKey() + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned";
    }
}
