package fr.competences.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How long the log keeps a line ({@code AUDIT_RETENTION}): an ISO-8601 period of the calendar ({@code P1Y},
 * {@code P6M}, {@code P90D}) or a duration ({@code PT12H}). Never zero nor negative: that would empty the log.
 */
record Retention(String text, Period period, Duration duration) {

    static Retention parse(String text) {
        String value = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Retention retention = value.contains("T")
                    ? new Retention(value, null, Duration.parse(value))
                    : new Retention(value, Period.parse(value), null);
            if (retention.positive()) {
                return retention;
            }
        } catch (DateTimeParseException unreadable) {
            // explained below
        }
        throw new IllegalArgumentException("AUDIT_RETENTION=" + text + " : durée ISO-8601 positive attendue, par "
                + "exemple P1Y (un an), P6M (six mois), P90D (90 jours)");
    }

    /** Lines before this instant are past the retention. */
    OffsetDateTime cutoff(OffsetDateTime now) {
        OffsetDateTime utc = now.withOffsetSameInstant(ZoneOffset.UTC);
        return period != null ? utc.minus(period) : utc.minus(duration);
    }

    private boolean positive() {
        return period != null ? !period.isNegative() && !period.isZero() : !duration.isNegative() && !duration.isZero();
    }
}
