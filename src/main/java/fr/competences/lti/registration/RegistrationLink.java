package fr.competences.lti.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A one-time dynamic registration link made by the administrator. Only the SHA-256 of its secret is stored: the
 * database (or a backup of it) does not hold usable links. {@code claim} is set while a registration uses the link,
 * until {@code claimedUntil}, so that one link drives one registration at a time; {@code usedAt} and
 * {@code platformId} once a registration with it succeeded.
 */
@Entity
@Table(name = "lti_registration_link")
public class RegistrationLink {

    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Column(name = "allowed_origin")
    String allowedOrigin;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    OffsetDateTime expiresAt;

    @Column(name = "claim_id")
    String claim;

    @Column(name = "claimed_until")
    OffsetDateTime claimedUntil;

    @Column(name = "used_at")
    OffsetDateTime usedAt;

    @Column(name = "platform_id")
    Long platformId;

    protected RegistrationLink() {
    }

    RegistrationLink(String tokenHash, String allowedOrigin, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.allowedOrigin = allowedOrigin;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }
}
