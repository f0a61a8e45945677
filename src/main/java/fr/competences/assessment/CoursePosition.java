package fr.competences.assessment;

import java.time.OffsetDateTime;

/**
 * A student's current level on one skill in one activity of a course, with when it was set (its latest change in
 * the history, kept with the level): what mastery across activities is computed from.
 */
public record CoursePosition(long studentUserId, long activityId, String code, int level, OffsetDateTime at) {
}
