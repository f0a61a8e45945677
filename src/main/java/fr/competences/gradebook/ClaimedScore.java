package fr.competences.gradebook;

import fr.competences.lti.ags.Score;

/** A due score this instance leased, with everything its delivery needs (no database access while sending). */
record ClaimedScore(long id, long platformId, long courseId, long resourceLinkId, String lineItemUrl, long revision,
        int attempts, java.time.Duration pendingFor, Score score) {

    ClaimedScore withLineItem(String url) {
        return new ClaimedScore(id, platformId, courseId, resourceLinkId, url, revision, attempts, pendingFor, score);
    }
}
