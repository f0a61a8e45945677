package fr.competences.lti;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;

/**
 * An LTI exchange the tool refuses: rendered by the application's problem mapper as a friendly page
 * (inside the LMS frame) or as RFC 9457 JSON, with the named, human-actionable message of its {@link LtiError}.
 */
public class LtiException extends ProblemException {

    private final LtiError error;

    public LtiException(LtiError error, Object... arguments) {
        super(error.status, error.slug(), error.step.title,
                LocalizedText.of(error.french.formatted(arguments), error.english.formatted(arguments)));
        this.error = error;
    }

    public LtiError error() {
        return error;
    }
}
