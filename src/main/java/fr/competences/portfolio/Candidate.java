package fr.competences.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** What a student enters once for the exam papers' headers: candidate number, centre, session, portfolio URL. */
@Entity
@Table(name = "portfolio_candidate")
@IdClass(Candidate.Key.class)
class Candidate {

    /** The primary key: the portfolio's owner. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        long platformId;
        long studentUserId;

        public Key() {
        }

        Key(PortfolioOwner owner) {
            this.platformId = owner.platformId();
            this.studentUserId = owner.userId();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.platformId == platformId && key.studentUserId == studentUserId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(platformId) * 31 + Long.hashCode(studentUserId);
        }
    }

    @Id
    @Column(name = "platform_id")
    long platformId;

    @Id
    @Column(name = "student_user_id")
    long studentUserId;

    @Column(name = "candidate_number")
    String candidateNumber;

    String centre;

    @Column(name = "session_year")
    Integer sessionYear;

    @Column(name = "portfolio_url")
    String portfolioUrl;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected Candidate() {
    }

    Candidate(PortfolioOwner owner) {
        this.platformId = owner.platformId();
        this.studentUserId = owner.userId();
    }
}
