package fr.competences.lti.outbound;

import java.io.IOException;

/**
 * A platform request that got no usable answer. The message is for the tool's log (host, reason); what a user is
 * told is the caller's choice, and never tells a closed port from a refused address or a service that is not HTTP.
 */
public class OutboundException extends IOException {

    /** Why: the address is refused by the rules, the host could not be reached, or the answer was too large. */
    public enum Reason { ADDRESS_REFUSED, UNREACHABLE, ANSWER_TOO_LARGE }

    private final Reason reason;

    OutboundException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
