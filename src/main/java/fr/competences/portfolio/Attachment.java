package fr.competences.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An activity of one of the student's courses, or a piece of their evidence in it, attached to a réalisation. */
@Entity
@Table(name = "portfolio_attachment")
@NamedQuery(name = Attachment.OF_REALISATIONS, query = "select a from Attachment a where a.realisationId in :ids "
        + "order by a.createdAt, a.id")
class Attachment {

    static final String OF_REALISATIONS = "Attachment.ofRealisations";
    static final int MAX_PER_REALISATION = 20;

    @Id
    @SequenceGenerator(name = "portfolio_attachment_seq", sequenceName = "portfolio_attachment_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portfolio_attachment_seq")
    Long id;

    @Column(name = "realisation_id", nullable = false)
    long realisationId;

    @Column(name = "course_id", nullable = false)
    long courseId;

    @Column(name = "activity_id", nullable = false)
    long activityId;

    @Column(name = "evidence_id")
    Long evidenceId;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    protected Attachment() {
    }

    Attachment(long realisationId, long courseId, long activityId, Long evidenceId, OffsetDateTime now) {
        this.realisationId = realisationId;
        this.courseId = courseId;
        this.activityId = activityId;
        this.evidenceId = evidenceId;
        this.createdAt = now;
    }
}
