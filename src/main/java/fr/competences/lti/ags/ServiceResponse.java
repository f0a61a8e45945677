package fr.competences.lti.ags;

import java.time.Duration;

/**
 * A platform's answer: status, the beginning of the body (its message, for the teacher) and the pause it asked for
 * with {@code Retry-After} (null when none).
 */
public record ServiceResponse(int status, String message, Duration retryAfter) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
