package fr.competences.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The personal data settings (README, "Configuration"), each overridable by an environment variable. */
@ApplicationScoped
public class RetentionSettings {

    /** {@code RETENTION_AFTER_COURSE_END}: how long after its last launch a course is erased; unset: kept. */
    @Inject
    @ConfigProperty(name = "retention.after-course-end")
    Optional<String> afterCourseEnd;

    /** {@code RETENTION_CHECK_INTERVAL}: how often each instance looks whether the daily run is due. */
    @Inject
    @ConfigProperty(name = "retention.check-interval", defaultValue = "PT1H")
    String checkInterval;

    /** {@code PRIVACY_CONTACT}: whom people write to about their data (shown on the privacy page). */
    @Inject
    @ConfigProperty(name = "privacy.contact")
    Optional<String> contact;

    /** The retention; empty when unset; {@link IllegalArgumentException} when the value is not a period. */
    Optional<RetentionPeriod> retention() {
        return RetentionPeriod.parse(afterCourseEnd.orElse(null));
    }

    /** The retention, or empty when unset or invalid (an invalid value keeps everything: never erase by mistake). */
    Optional<RetentionPeriod> retentionOrKeep() {
        try {
            return retention();
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** The problem with the setting, if any. */
    Optional<String> problem() {
        try {
            retention();
            return Optional.empty();
        } catch (IllegalArgumentException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    Duration checkInterval() {
        return Duration.parse(checkInterval);
    }

    Optional<String> contact() {
        return contact.map(String::strip).filter(value -> !value.isEmpty());
    }
}
