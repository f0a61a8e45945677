package fr.competences.lti.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One RSA key pair of the tool, as a private JWK. Published until retired; signs from {@code activeFrom}. */
@Entity
@Table(name = "lti_tool_key")
@NamedQuery(name = ToolKey.ALL, query = "select k from ToolKey k order by k.activeFrom")
class ToolKey {

    static final String ALL = "ToolKey.all";

    @Id
    String kid;

    @Column(nullable = false)
    String jwk;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "active_from", nullable = false)
    OffsetDateTime activeFrom;

    @Column(name = "retired_at")
    OffsetDateTime retiredAt;

    protected ToolKey() {
    }

    ToolKey(String kid, String jwk, Instant createdAt, Instant activeFrom) {
        this.kid = kid;
        this.jwk = jwk;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
        this.activeFrom = activeFrom.atOffset(ZoneOffset.UTC);
    }

    /** Through the entity, so that EclipseLink's woven change tracking sees it. */
    void retire(Instant when) {
        retiredAt = when.atOffset(ZoneOffset.UTC);
    }

    boolean retired() {
        return retiredAt != null;
    }
}
