package fr.competences.privacy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a course is kept after its last launch ({@code RETENTION_AFTER_COURSE_END}): an ISO-8601 period
 * ({@code P3Y}, {@code P18M}, {@code P1Y6M}) or, for tests and trials, a duration ({@code PT10M}).
 */
record RetentionPeriod(String text, Period period, Duration duration) {

    /** The period a setting gives; empty for none; an {@link IllegalArgumentException} saying why a value is wrong. */
    static Optional<RetentionPeriod> parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return Optional.empty();
        }
        String text = setting.strip().toUpperCase(Locale.ROOT);
        try {
            if (text.startsWith("PT")) {
                Duration duration = Duration.parse(text);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("zero or negative");
                }
                return Optional.of(new RetentionPeriod(text, null, duration));
            }
            Period period = Period.parse(text);
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("zero or negative");
            }
            return Optional.of(new RetentionPeriod(text, period, null));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException("RETENTION_AFTER_COURSE_END=" + setting + " n'est pas une durée "
                    + "ISO-8601 positive (ex. P3Y pour trois ans, P18M pour dix-huit mois)", e);
        }
    }

    /** Courses last launched before this instant have been kept long enough. */
    OffsetDateTime cutoff(OffsetDateTime now) {
        OffsetDateTime utc = now.withOffsetSameInstant(ZoneOffset.UTC);
        return period != null ? utc.minus(period) : utc.minus(duration);
    }

    /** For people: "3 ans", "1 year and 6 months". */
    String describe(boolean english) {
        if (period == null) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        add(parts, period.getYears(), english ? "year" : "an", english ? "years" : "ans");
        add(parts, period.getMonths(), english ? "month" : "mois", english ? "months" : "mois");
        add(parts, period.getDays(), english ? "day" : "jour", english ? "days" : "jours");
        String and = english ? " and " : " et ";
        return parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + and + parts.getLast();
    }

    private static void add(List<String> parts, int count, String one, String many) {
        if (count != 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }
}
