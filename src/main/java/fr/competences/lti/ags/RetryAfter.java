package fr.competences.lti.ags;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A platform's {@code Retry-After} (RFC 9110 §10.2.3: seconds, or an HTTP date), bounded: a platform (or a proxy in
 * front of it) may ask for a pause, not stop the gradebook for a day.
 */
public final class RetryAfter {

    static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    /** The wait the header asks for, if it is there and readable; a date in the past asks for none. */
    public static Optional<Duration> parse(List<String> values, Instant now) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String value = values.getFirst().trim();
        Duration wait;
        try {
            wait = value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() <= 9
                    ? Duration.ofSeconds(Long.parseLong(value))
                    : Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
    }
}
