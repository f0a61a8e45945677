package fr.competences.lti.ags;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A score as POSTed to {@code {lineitem}/scores} (https://www.imsglobal.org/spec/lti-ags/v2p0/#score-publish-service).
 * {@code scoreGiven} is null when the grade is withdrawn (gradingProgress Pending: Moodle then clears it, P-9.2).
 * {@code scoreMaximum} is always sent (P-9.4); an empty comment would erase the feedback (P-9.5), so none is sent
 * only when there is no grade.
 */
public record Score(String userId, BigDecimal scoreGiven, BigDecimal scoreMaximum, String activityProgress,
        String gradingProgress, Instant timestamp, String comment) {

    public static final String MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";

    /** ISO 8601 with milliseconds, in UTC. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    /** A grade: Completed and FullyGraded, the only state in which Moodle keeps scoreGiven (P-9.2). */
    public static Score graded(String userId, BigDecimal scoreGiven, BigDecimal scoreMaximum, Instant timestamp,
            String comment) {
        return new Score(userId, scoreGiven, scoreMaximum, "Completed", "FullyGraded", timestamp, comment);
    }

    /** No grade any more (every skill back to "Non évalué"): clears the grade the platform holds. */
    public static Score withdrawn(String userId, BigDecimal scoreMaximum, Instant timestamp) {
        return new Score(userId, null, scoreMaximum, "Initialized", "Pending", timestamp, null);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("userId", userId);
        if (scoreGiven != null) {
            json.add("scoreGiven", scoreGiven);
        }
        json.add("scoreMaximum", scoreMaximum)
                .add("activityProgress", activityProgress)
                .add("gradingProgress", gradingProgress)
                .add("timestamp", TIMESTAMP.format(timestamp));
        if (comment != null && !comment.isEmpty()) {
            json.add("comment", comment);
        }
        return json.build();
    }
}
