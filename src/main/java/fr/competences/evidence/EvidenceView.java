package fr.competences.evidence;

import java.time.Instant;

/** Evidence as the API and pages show it ({@code kind}: TEXT, LINK or FILE); file contents come separately. */
public record EvidenceView(long id, long activityId, long studentUserId, String kind, String text, String url,
        String fileName, String mediaType, Long size, Instant createdAt) {
}
