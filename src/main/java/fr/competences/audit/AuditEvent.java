package fr.competences.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What happened, as the capability that did it says it: plain ids and values, never an entity, a token, a password
 * or a file's content. Each kind becomes one line of the log ({@link AuditEntry#of}). Roles are the session's
 * ({@code TEACHER}, {@code STUDENT}).
 */
public sealed interface AuditEvent {

    /** A launch accepted and provisioned; {@code deepLinking}: the teacher's "Select content". */
    record Launched(long platformId, long courseId, long userId, String role, boolean deepLinking)
            implements AuditEvent {
    }

    /**
     * A teacher's grid save changed a student's levels ({@code codes}) and/or comment in an activity. The change
     * itself, from and to, is in the positions' history; the line points there.
     */
    record PositionsChanged(long courseId, long activityId, long teacherUserId, long studentUserId,
            List<String> codes, boolean commentChanged) implements AuditEvent {
    }

    /**
     * One delivery attempt of a grade to the platform's gradebook and its outcome ({@code SYNCED}, {@code FAILED},
     * {@code RETRY}); an activity's grade, or a competency column's ({@code column}: its code). {@code score} null:
     * the grade was withdrawn.
     */
    record GradeSent(long platformId, long courseId, Long activityId, String column, long studentUserId,
            BigDecimal score, BigDecimal maximum, int httpStatus, String outcome) implements AuditEvent {
    }

    /** A student handed in evidence; {@code kind}: TEXT, LINK or FILE (with its detected type and size). */
    record EvidenceAdded(long courseId, long activityId, long studentUserId, long evidenceId, String kind,
            String mediaType, Long size) implements AuditEvent {
    }

    /** A student removed a piece of their evidence. */
    record EvidenceRemoved(long courseId, long activityId, long studentUserId, long evidenceId, String kind)
            implements AuditEvent {
    }

    /** A piece of evidence's file was downloaded, by its owner or a teacher of the course. */
    record EvidenceDownloaded(long courseId, long activityId, long readerUserId, String readerRole, long studentUserId,
            long evidenceId) implements AuditEvent {
    }

    /** A teacher gave or took back the tool's teacher rights to a member of the course. */
    record TeacherRightsChanged(long courseId, long teacherUserId, long memberUserId, boolean granted)
            implements AuditEvent {
    }

    /** Course data left the tool as a file ({@code what}: e.g. {@code class-progress.csv}). */
    record Exported(long courseId, long userId, String role, String what) implements AuditEvent {
    }

    /**
     * Everything the tool holds about a person downloaded (RGPD right of access): by the person or a teacher of the
     * course ({@code readerUserId}, {@code readerRole}, the session's {@code courseId}), or by the administrator
     * (all three null).
     */
    record PersonalDataExported(Long courseId, Long readerUserId, String readerRole, long subjectUserId)
            implements AuditEvent {
    }

    /** A user erased by the administrator (RGPD); {@code erased}: what went, by kind, as the answer counts it. */
    record UserErased(long userId, String erased) implements AuditEvent {
    }

    /**
     * A course erased by the retention ({@code retention}: the setting), daily or when the administrator ran it
     * ({@code byAdmin}); {@code erased}: rows per table.
     */
    record CourseErased(long courseId, String retention, String erased, boolean byAdmin) implements AuditEvent {
    }

    /**
     * A platform registration created or changed, by the administrator or by a dynamic registration
     * ({@code dynamic}).
     */
    record PlatformChanged(long platformId, boolean dynamic, boolean created, String issuer, String clientId,
            List<String> deploymentIds, boolean enabled) implements AuditEvent {
    }

    /** One of the tool's keys (a {@code kid}, or the session secret) created at first start, added or retired. */
    record KeyChanged(String key, KeyChange change, Instant activeFrom) implements AuditEvent {
    }

    enum KeyChange { CREATED, ADDED, RETIRED }

    /** A référentiel imported or deleted through the admin API, or the built-in one loaded at first start. */
    record ReferentielChanged(String code, boolean deleted, boolean builtIn) implements AuditEvent {
    }

    /** A call of the admin API that presented the right token; {@code location}: the resource it created, if any. */
    record AdminCalled(String method, String path, int status, String location) implements AuditEvent {
    }

    /** The retention purge removed the lines older than {@code cutoff}; {@code byAdmin}: asked for, not daily. */
    record Purged(String retention, OffsetDateTime cutoff, long removed, boolean byAdmin) implements AuditEvent {
    }
}
