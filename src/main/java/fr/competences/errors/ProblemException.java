package fr.competences.errors;

import java.util.List;

/**
 * A request the application refuses, with a status and a message that tells the user what to do.
 * Rendered as RFC 9457 problem details by {@link ProblemMapper}; {@code errors} lists itemised problems
 * (for example every faulty line of an imported file).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final LocalizedText title;
    private final LocalizedText detail;
    private final List<Problem> errors;

    public ProblemException(int status, String type, LocalizedText title, LocalizedText detail, List<Problem> errors) {
        super(type + ": " + detail.en());
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String type, LocalizedText title, LocalizedText detail) {
        this(status, type, title, detail, List.of());
    }

    /** 400 for a request without the JSON body it needs; {@code what} says what to send. */
    public static ProblemException bodyMissing(LocalizedText what) {
        return new ProblemException(400, "body-missing", LocalizedText.of("Requête vide", "Empty request"), what);
    }

    public int status() {
        return status;
    }

    /** A short, stable slug; the problem's {@code type} URI ends with it. */
    public String type() {
        return type;
    }

    public LocalizedText title() {
        return title;
    }

    public LocalizedText detail() {
        return detail;
    }

    public List<Problem> errors() {
        return errors;
    }

    /** One itemised problem: where (line, item, field) and what is wrong. */
    public record Problem(String location, LocalizedText message) {
    }
}
