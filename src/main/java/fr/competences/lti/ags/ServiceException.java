package fr.competences.lti.ags;

/**
 * A platform service call that did not succeed: the HTTP status (0 when the platform could not be reached) and
 * what the platform said, cut short. Never holds a token.
 */
public class ServiceException extends RuntimeException {

    static final int MAX_MESSAGE = 500;

    private final int status;
    private final String platformMessage;

    public ServiceException(int status, String platformMessage) {
        super("HTTP " + status + " " + platformMessage);
        this.status = status;
        this.platformMessage = platformMessage == null ? ""
                : platformMessage.length() > MAX_MESSAGE ? platformMessage.substring(0, MAX_MESSAGE) : platformMessage;
    }

    public int status() {
        return status;
    }

    public String platformMessage() {
        return platformMessage;
    }
}
