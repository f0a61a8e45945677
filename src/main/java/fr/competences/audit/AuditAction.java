package fr.competences.audit;

/** The kinds of line in the log; {@link #inCourse} ones are the course's and shown to its teachers. */
public enum AuditAction {
    LAUNCH(true),
    POSITIONS_CHANGED(true),
    GRADE_SENT(true),
    EVIDENCE_ADDED(true),
    EVIDENCE_REMOVED(true),
    EVIDENCE_DOWNLOADED(true),
    TEACHER_RIGHTS_GRANTED(true),
    TEACHER_RIGHTS_REVOKED(true),
    EXPORT(true),
    PLATFORM_REGISTERED(false),
    PLATFORM_UPDATED(false),
    KEY_CREATED(false),
    KEY_ADDED(false),
    KEY_RETIRED(false),
    REFERENTIEL_IMPORTED(false),
    REFERENTIEL_DELETED(false),
    ADMIN_CALL(false),
    USER_ERASED(false),
    COURSE_ERASED(false),
    AUDIT_PURGED(false);

    private final boolean inCourse;

    AuditAction(boolean inCourse) {
        this.inCourse = inCourse;
    }

    public boolean inCourse() {
        return inCourse;
    }
}
