package fr.competences.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One run of the retention: which instance, why, with which setting, and how much it erased (counts only). */
@Entity
@Table(name = "privacy_retention_run")
@NamedQuery(name = RetentionRun.LATEST, query = "select r from RetentionRun r order by r.startedAt desc, r.id desc")
class RetentionRun {

    static final String LATEST = "RetentionRun.latest";

    enum StartedBy { SCHEDULE, ADMIN }

    @Id
    @SequenceGenerator(name = "privacy_retention_run_seq", sequenceName = "privacy_retention_run_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "privacy_retention_run_seq")
    Long id;

    @Column(nullable = false)
    String instance;

    @Column(name = "started_by", nullable = false)
    String startedBy;

    @Column(nullable = false)
    String retention;

    @Column(nullable = false)
    OffsetDateTime cutoff;

    @Column(name = "started_at", nullable = false)
    OffsetDateTime startedAt;

    @Column(name = "finished_at")
    OffsetDateTime finishedAt;

    int courses;

    int users;

    @Column(name = "evidence_files")
    int evidenceFiles;

    @Column(name = "files_not_removed")
    int filesNotRemoved;

    String problem;

    protected RetentionRun() {
    }

    RetentionRun(String instance, StartedBy startedBy, String retention, OffsetDateTime cutoff, OffsetDateTime now) {
        this.instance = instance;
        this.startedBy = startedBy.name();
        this.retention = retention;
        this.cutoff = cutoff;
        this.startedAt = now;
    }

    Retention.Run view() {
        return new Retention.Run(id, instance, startedBy, retention, cutoff.toInstant(), startedAt.toInstant(),
                finishedAt == null ? null : finishedAt.toInstant(), courses, users, evidenceFiles, filesNotRemoved,
                problem);
    }
}
