package fr.competences.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One line of the log. Written once by {@link Audit#record} and never changed: no setter, no update path (the
 * database refuses updates too, V71); only {@link AuditPurge} deletes, past the retention.
 */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    static final int MAX_TARGET = 255;
    static final int MAX_DETAIL = 1000;

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    Long id;

    @Column(nullable = false)
    OffsetDateTime at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Actor actor;

    @Column(name = "actor_user_id")
    Long actorUserId;

    @Column(name = "actor_role")
    String actorRole;

    @Column(name = "platform_id")
    Long platformId;

    @Column(name = "course_id")
    Long courseId;

    @Column(name = "activity_id")
    Long activityId;

    @Column(name = "subject_user_id")
    Long subjectUserId;

    String target;

    String outcome;

    String detail;

    protected AuditEntry() {
    }

    private AuditEntry(OffsetDateTime at, AuditAction action, Actor actor) {
        this.at = at;
        this.action = action;
        this.actor = actor;
    }

    /** The line an event makes: each kind of event fills the columns that describe it. */
    static AuditEntry of(AuditEvent event, OffsetDateTime at) {
        return switch (event) {
            case AuditEvent.Launched e -> new AuditEntry(at, AuditAction.LAUNCH, Actor.USER)
                    .by(e.userId(), e.role()).platform(e.platformId()).course(e.courseId()).about(e.userId())
                    .target(e.deepLinking() ? "deep-linking" : "resource-link");
            case AuditEvent.PositionsChanged e -> new AuditEntry(at, AuditAction.POSITIONS_CHANGED, Actor.USER)
                    .by(e.teacherUserId(), "TEACHER").course(e.courseId()).activity(e.activityId())
                    .about(e.studentUserId()).target(String.join(", ", e.codes()))
                    .detail(e.commentChanged() ? "comment" : null);
            case AuditEvent.GradeSent e -> new AuditEntry(at, AuditAction.GRADE_SENT, Actor.SYSTEM)
                    .platform(e.platformId()).course(e.courseId()).activity(e.activityId()).about(e.studentUserId())
                    .target(e.column() == null ? null : "column " + e.column()).outcome(e.outcome())
                    .detail((e.score() == null ? "withdrawn" : plain(e.score()) + " / " + plain(e.maximum()))
                            + ", HTTP " + e.httpStatus());
            case AuditEvent.EvidenceAdded e -> new AuditEntry(at, AuditAction.EVIDENCE_ADDED, Actor.USER)
                    .by(e.studentUserId(), "STUDENT").course(e.courseId()).activity(e.activityId())
                    .about(e.studentUserId()).target("evidence " + e.evidenceId())
                    .detail(e.mediaType() == null ? e.kind() : e.kind() + " " + e.mediaType() + ", " + e.size() + " bytes");
            case AuditEvent.EvidenceRemoved e -> new AuditEntry(at, AuditAction.EVIDENCE_REMOVED, Actor.USER)
                    .by(e.studentUserId(), "STUDENT").course(e.courseId()).activity(e.activityId())
                    .about(e.studentUserId()).target("evidence " + e.evidenceId()).detail(e.kind());
            case AuditEvent.EvidenceDownloaded e -> new AuditEntry(at, AuditAction.EVIDENCE_DOWNLOADED, Actor.USER)
                    .by(e.readerUserId(), e.readerRole()).course(e.courseId()).activity(e.activityId())
                    .about(e.studentUserId()).target("evidence " + e.evidenceId());
            case AuditEvent.TeacherRightsChanged e -> new AuditEntry(at, e.granted()
                    ? AuditAction.TEACHER_RIGHTS_GRANTED : AuditAction.TEACHER_RIGHTS_REVOKED, Actor.USER)
                    .by(e.teacherUserId(), "TEACHER").course(e.courseId()).about(e.memberUserId());
            case AuditEvent.Exported e -> new AuditEntry(at, AuditAction.EXPORT, Actor.USER).by(e.userId(), e.role())
                    .course(e.courseId()).target(e.what());
            case AuditEvent.PersonalDataExported e -> new AuditEntry(at, AuditAction.EXPORT,
                    e.readerUserId() == null ? Actor.ADMIN : Actor.USER).by(e.readerUserId(), e.readerRole())
                    .course(e.courseId()).about(e.subjectUserId()).target("personal-data");
            case AuditEvent.UserErased e -> new AuditEntry(at, AuditAction.USER_ERASED, Actor.ADMIN)
                    .about(e.userId()).detail(e.erased());
            case AuditEvent.CourseErased e -> new AuditEntry(at, AuditAction.COURSE_ERASED,
                    e.byAdmin() ? Actor.ADMIN : Actor.SYSTEM).course(e.courseId()).target("retention " + e.retention())
                    .detail(e.erased());
            case AuditEvent.PlatformChanged e -> new AuditEntry(at, e.created() ? AuditAction.PLATFORM_REGISTERED
                    : AuditAction.PLATFORM_UPDATED, e.dynamic() ? Actor.PLATFORM : Actor.ADMIN)
                    .platform(e.platformId()).target(e.issuer() + " " + e.clientId())
                    .outcome(e.enabled() ? "enabled" : "disabled").detail("deployments " + e.deploymentIds());
            case AuditEvent.KeyChanged e -> new AuditEntry(at, keyAction(e.change()),
                    e.change() == AuditEvent.KeyChange.CREATED ? Actor.SYSTEM : Actor.ADMIN).target(e.key())
                    .detail(e.activeFrom() == null ? null : "signs from " + e.activeFrom());
            case AuditEvent.ReferentielChanged e -> new AuditEntry(at, e.deleted() ? AuditAction.REFERENTIEL_DELETED
                    : AuditAction.REFERENTIEL_IMPORTED, e.builtIn() ? Actor.SYSTEM : Actor.ADMIN).target(e.code());
            case AuditEvent.AdminCalled e -> new AuditEntry(at, AuditAction.ADMIN_CALL, Actor.ADMIN)
                    .target(e.method() + " " + e.path()).outcome(Integer.toString(e.status())).detail(e.location());
            case AuditEvent.Purged e -> new AuditEntry(at, AuditAction.AUDIT_PURGED, e.byAdmin() ? Actor.ADMIN
                    : Actor.SYSTEM).target("retention " + e.retention()).outcome(e.removed() + " removed")
                    .detail("lines before " + e.cutoff().toInstant());
        };
    }

    private static AuditAction keyAction(AuditEvent.KeyChange change) {
        return switch (change) {
            case CREATED -> AuditAction.KEY_CREATED;
            case ADDED -> AuditAction.KEY_ADDED;
            case RETIRED -> AuditAction.KEY_RETIRED;
        };
    }

    AuditLine line() {
        return new AuditLine(id, at.toInstant(), action, actor, actorUserId, actorRole, platformId, courseId,
                activityId, subjectUserId, target, outcome, detail);
    }

    private AuditEntry by(Long userId, String role) {
        this.actorUserId = userId;
        this.actorRole = role;
        return this;
    }

    private AuditEntry platform(long id) {
        this.platformId = id;
        return this;
    }

    private AuditEntry course(Long id) {
        this.courseId = id;
        return this;
    }

    private AuditEntry activity(Long id) {
        this.activityId = id;
        return this;
    }

    private AuditEntry about(long userId) {
        this.subjectUserId = userId;
        return this;
    }

    private AuditEntry target(String value) {
        this.target = cut(value, MAX_TARGET);
        return this;
    }

    private AuditEntry outcome(String value) {
        this.outcome = cut(value, 40);
        return this;
    }

    private AuditEntry detail(String value) {
        this.detail = cut(value, MAX_DETAIL);
        return this;
    }

    /** Values come from callers (codes, issuers, paths): a long one is cut, never refused. */
    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
