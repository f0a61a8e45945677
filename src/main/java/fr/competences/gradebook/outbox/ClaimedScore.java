package fr.competences.gradebook.outbox;

import fr.competences.lti.ags.Score;

/**
 * A due score this instance leased, with everything its delivery needs (no database access while sending): the
 * cell is an activity's resource link or a competency column (the other null).
 */
record ClaimedScore(long id, long platformId, long courseId, Long resourceLinkId, Long columnId, String lineItemUrl,
        long revision, int attempts, java.time.Duration pendingFor, Score score) {

    ClaimedScore withLineItem(String url) {
        return new ClaimedScore(id, platformId, courseId, resourceLinkId, columnId, url, revision, attempts, pendingFor,
                score);
    }
}
