package fr.competences.lti.registration;

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
import java.util.List;

/** A registration of the tool in an LMS: one (issuer, client_id) pair and the platform's endpoints. */
@Entity
@Table(name = "lti_platform")
@NamedQuery(name = Platform.ALL, query = "select p from Platform p order by p.issuer, p.clientId")
@NamedQuery(name = Platform.BY_ISSUER_AND_CLIENT,
        query = "select p from Platform p where p.issuer = :issuer and p.clientId = :clientId")
public class Platform {

    static final String ALL = "Platform.all";
    static final String BY_ISSUER_AND_CLIENT = "Platform.byIssuerAndClient";

    /** Who registered the platform: an administrator through the API, or the LMS through dynamic registration. */
    public enum RegisteredBy { ADMIN, DYNAMIC }

    @Id
    @SequenceGenerator(name = "lti_platform_seq", sequenceName = "lti_platform_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_platform_seq")
    Long id;

    @Column(nullable = false)
    String issuer;

    @Column(name = "client_id", nullable = false)
    String clientId;

    @Column(nullable = false)
    String name;

    @Column(name = "authorization_endpoint", nullable = false)
    String authorizationEndpoint;

    @Column(name = "token_endpoint")
    String tokenEndpoint;

    @Column(name = "jwks_uri", nullable = false)
    String jwksUri;

    @Column(nullable = false)
    boolean enabled;

    /** Extra origins allowed to frame the tool, space separated; see {@link PlatformSettings#frameOrigins()}. */
    @Column(name = "frame_origins")
    String frameOrigins;

    @Enumerated(EnumType.STRING)
    @Column(name = "registered_by", nullable = false)
    RegisteredBy registeredBy;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected Platform() {
    }

    Platform(String issuer, String clientId, RegisteredBy registeredBy, OffsetDateTime now) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.registeredBy = registeredBy;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(PlatformSettings settings, OffsetDateTime now) {
        this.name = settings.name();
        this.authorizationEndpoint = settings.authorizationEndpoint();
        this.tokenEndpoint = settings.tokenEndpoint();
        this.jwksUri = settings.jwksUri();
        this.enabled = settings.enabled();
        if (settings.frameOrigins() != null) {
            this.frameOrigins = settings.frameOrigins().isEmpty() ? null : String.join(" ", settings.frameOrigins());
        }
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public String authorizationEndpoint() {
        return authorizationEndpoint;
    }

    public String tokenEndpoint() {
        return tokenEndpoint;
    }

    public String jwksUri() {
        return jwksUri;
    }

    public boolean enabled() {
        return enabled;
    }

    public List<String> frameOrigins() {
        return frameOrigins == null || frameOrigins.isBlank() ? List.of()
                : List.of(frameOrigins.trim().split(" +"));
    }

    public RegisteredBy registeredBy() {
        return registeredBy;
    }
}
