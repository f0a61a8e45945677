package fr.competences.lti.course;

import java.time.Duration;
import java.time.OffsetDateTime;

/** "Last launch" times move by the hour: one write per hour at most instead of one per launch. */
final class Touch {

    static final Duration RESOLUTION = Duration.ofHours(1);

    private Touch() {
    }

    static OffsetDateTime later(OffsetDateTime stored, OffsetDateTime now) {
        return stored == null || stored.plus(RESOLUTION).isBefore(now) ? now : stored;
    }
}
