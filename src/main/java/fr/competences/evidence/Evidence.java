package fr.competences.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One piece of evidence of a student in an activity. */
@Entity
@Table(name = "evidence")
@NamedQuery(name = Evidence.OF_STUDENT, query = "select e from Evidence e where e.activityId = :activityId "
        + "and e.studentUserId = :studentUserId order by e.createdAt, e.id")
@NamedQuery(name = Evidence.OF_ACTIVITY, query = "select e from Evidence e where e.activityId = :activityId "
        + "order by e.studentUserId, e.createdAt, e.id")
class Evidence {

    static final String OF_STUDENT = "Evidence.ofStudent";
    static final String OF_ACTIVITY = "Evidence.ofActivity";

    enum Kind { TEXT, LINK, FILE }

    @Id
    @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
    Long id;

    @Column(name = "activity_id", nullable = false)
    long activityId;

    @Column(name = "student_user_id", nullable = false)
    long studentUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Kind kind;

    String body;

    String url;

    @Column(name = "file_name")
    String fileName;

    @Column(name = "media_type")
    String mediaType;

    @Column(name = "size_bytes")
    Long size;

    String sha256;

    @Column(name = "storage_name")
    String storageName;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    protected Evidence() {
    }

    Evidence(long activityId, long studentUserId, Kind kind, OffsetDateTime now) {
        this.activityId = activityId;
        this.studentUserId = studentUserId;
        this.kind = kind;
        this.createdAt = now;
    }

    EvidenceView view() {
        return new EvidenceView(id, activityId, studentUserId, kind.name(), body, url, fileName, mediaType, size,
                createdAt.toInstant());
    }
}
