package fr.competences.lti.session;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/**
 * The session of the request being served, set by {@link LtiSessionFilter} on resources marked
 * {@link LtiSession}. Inject it to know the caller's course, user, role and language.
 */
@RequestScoped
public class CurrentLaunch {

    private Session session;
    private String token;

    void set(Session current, String currentToken) {
        this.session = current;
        this.token = currentToken;
    }

    public Session session() {
        if (session == null) {
            throw new LtiException(LtiError.SESSION_MISSING);
        }
        return session;
    }

    /** The token to put in the page's links and forms. */
    public String token() {
        session();
        return token;
    }

    public long courseId() {
        return session().courseId();
    }

    public long userId() {
        return session().userId();
    }

    /** The language of the session's pages (French or English): the launch's, or the one last chosen on a page. */
    public Locale language() {
        return session().language();
    }
}
