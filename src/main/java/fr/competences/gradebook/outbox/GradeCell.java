package fr.competences.gradebook.outbox;

/**
 * Where a score goes: the activity and its resource link, or a competency column (the others null), the student (tool
 * id and platform {@code sub}), the platform.
 */
record GradeCell(long courseId, Long activityId, Long resourceLinkId, Long columnId, long userId, long platformId,
        String userSub) {

    static GradeCell ofLink(ScoreOutbox.ActivityLink link, long userId, long platformId, String userSub) {
        return new GradeCell(link.courseId(), link.activityId(), link.resourceLinkId(), null, userId, platformId,
                userSub);
    }

    static GradeCell ofColumn(long courseId, long columnId, long userId, long platformId, String userSub) {
        return new GradeCell(courseId, null, null, columnId, userId, platformId, userSub);
    }
}
