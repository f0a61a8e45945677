package fr.competences.gradebook.outbox;

import fr.competences.lti.ags.Score;

/**
 * A due score this instance leased, with everything its delivery needs (no database access while sending): which
 * outbox row and revision, where it goes, how long it has been tried, and the score itself.
 */
record ClaimedScore(long id, long revision, Destination to, Tries tries, Score score) {

    /**
     * The platform's gradebook cell: an activity's resource link or a competency column (the other null), and its line
     * item when known.
     */
    record Destination(long platformId, long courseId, Long resourceLinkId, Long columnId, String lineItemUrl) {
    }

    /** The failed attempts since the last change, and how long the row has been pending. */
    record Tries(int attempts, java.time.Duration pendingFor) {
    }

    ClaimedScore withLineItem(String url) {
        return new ClaimedScore(id, revision, new Destination(to.platformId(), to.courseId(), to.resourceLinkId(),
                to.columnId(), url), tries, score);
    }
}
