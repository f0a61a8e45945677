package fr.competences.lti.ags;

/** A platform's answer: status and the beginning of the body (its message, for the teacher). */
public record ServiceResponse(int status, String message) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
