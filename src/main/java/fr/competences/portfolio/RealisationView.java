package fr.competences.portfolio;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A réalisation as the API returns it; {@code from} and {@code to} are ISO dates (yyyy-mm-dd), {@code skills} the
 * référentiel codes ticked (compétences B1.1…, or savoir-faire B1.1.2…); {@code review} the teachers' status (null:
 * not reviewed since the last change) and their comments, oldest first.
 */
public record RealisationView(long id, RealisationSetting setting, String title, String description,
        String organisation, String place, String from, String to, boolean team, String conditions,
        String documentary, String hardware, String software, List<String> productions, List<String> skills,
        OffsetDateTime updatedAt, ReviewStatus review, OffsetDateTime reviewedAt, List<Comment> comments,
        List<AttachmentView> attachments) {

    /**
     * An activity (and maybe a piece of evidence) attached by the student, from a course; {@code hints}: the levels
     * the course's teachers gave the student on that activity, a hint beside the ticks, never a tick itself (empty for
     * a teacher of another course).
     */
    public record AttachmentView(long id, long courseId, long activityId, String activity, Long evidenceId,
            String evidence, List<Hint> hints) {
    }

    /** A teacher's level on one skill: its value and the course scale's label. */
    public record Hint(String code, int level, String label) {
    }

    /** A teacher's comment: who, when, what. */
    public record Comment(String author, String text, OffsetDateTime at) {
    }
}
