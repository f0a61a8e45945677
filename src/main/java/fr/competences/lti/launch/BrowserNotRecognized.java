package fr.competences.lti.launch;

import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;

/**
 * The launch's state is genuine but neither its cookie nor a secret recovered from localStorage came
 * with it: the launch page then tries the localStorage recovery, and offers a new window as a last resort.
 */
class BrowserNotRecognized extends LtiException {

    private final transient LoginState login;

    BrowserNotRecognized(LoginState login) {
        super(LtiError.STATE_NOT_FROM_THIS_BROWSER);
        this.login = login;
    }

    LoginState login() {
        return login;
    }
}
