package fr.competences.audit.web;

import fr.competences.audit.AuditAction;
import fr.competences.audit.AuditLog;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The reader's choice of lines, from the query string, shared by the course's page, its JSON and the admin API:
 * anything unreadable is a 400 naming the parameter and what it accepts. Dates are days of the school's calendar
 * (Europe/Paris; {@code to} includes its whole day) or ISO-8601 instants.
 */
final class LogQuery {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private LogQuery() {
    }

    static AuditLog.Page page(Integer number, Integer size, int defaultSize, int maxSize) {
        int page = number == null ? 1 : number;
        int lines = size == null ? defaultSize : size;
        if (page < 1 || page > 100_000) {
            throw invalid("page", "un numéro de page à partir de 1", "a page number from 1");
        }
        if (lines < 1 || lines > maxSize) {
            throw invalid("size", "un nombre de lignes par page de 1 à " + maxSize,
                    "a number of lines per page from 1 to " + maxSize);
        }
        return new AuditLog.Page(page, lines);
    }

    /** An action's name; a teacher's log accepts the course's actions only. */
    static AuditAction action(String name, boolean courseOnly) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            AuditAction action = AuditAction.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (!courseOnly || action.inCourse()) {
                return action;
            }
        } catch (IllegalArgumentException unknown) {
            // explained below
        }
        throw invalid("action", "une action du journal (par exemple LAUNCH, POSITIONS_CHANGED, GRADE_SENT)",
                "an action of the log (for example LAUNCH, POSITIONS_CHANGED, GRADE_SENT)");
    }

    /** From this day's first instant, or this instant. */
    static Instant from(String value) {
        return instant(value, "from", false);
    }

    /** Until the end of this day, or this instant (excluded). */
    static Instant to(String value) {
        return instant(value, "to", true);
    }

    private static Instant instant(String value, String parameter, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException unreadable) {
            throw invalid(parameter, "une date AAAA-MM-JJ ou un instant ISO-8601 (2026-03-01T08:00:00Z)",
                    "a date YYYY-MM-DD or an ISO-8601 instant (2026-03-01T08:00:00Z)");
        }
    }

    private static ProblemException invalid(String parameter, String french, String english) {
        LocalizedText message = LocalizedText.of("Paramètre " + parameter + " : " + french + " est attendu.",
                "Parameter " + parameter + ": " + english + " is expected.");
        return new ProblemException(400, "audit-query-invalid",
                LocalizedText.of("Recherche dans le journal à corriger", "Log search to correct"), message,
                java.util.List.of(new ProblemException.Problem(parameter, message)));
    }
}
