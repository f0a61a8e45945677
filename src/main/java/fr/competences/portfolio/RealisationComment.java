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

/** A teacher's comment on a réalisation, written from one of their courses; the student reads it. */
@Entity
@Table(name = "portfolio_comment")
@NamedQuery(name = RealisationComment.OF_REALISATIONS, query = "select c, u from RealisationComment c, ToolUser u "
        + "where u.id = c.authorUserId and c.realisationId in :ids order by c.createdAt, c.id")
class RealisationComment {

    static final String OF_REALISATIONS = "RealisationComment.ofRealisations";
    static final int MAX_BODY = 2000;

    @Id
    @SequenceGenerator(name = "portfolio_comment_seq", sequenceName = "portfolio_comment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portfolio_comment_seq")
    Long id;

    @Column(name = "realisation_id", nullable = false)
    long realisationId;

    @Column(name = "course_id", nullable = false)
    long courseId;

    @Column(name = "author_user_id", nullable = false)
    long authorUserId;

    @Column(nullable = false)
    String body;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    protected RealisationComment() {
    }

    RealisationComment(long realisationId, long courseId, long authorUserId, String body, OffsetDateTime now) {
        this.realisationId = realisationId;
        this.courseId = courseId;
        this.authorUserId = authorUserId;
        this.body = body;
        this.createdAt = now;
    }
}
