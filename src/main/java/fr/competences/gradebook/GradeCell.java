package fr.competences.gradebook;

/** Where a score goes: the activity and its resource link, the student (tool id and platform {@code sub}), the platform. */
record GradeCell(long courseId, long activityId, long resourceLinkId, long userId, long platformId, String userSub) {
}
