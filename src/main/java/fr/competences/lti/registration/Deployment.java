package fr.competences.lti.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One deployment of the tool on a platform (Moodle: one per tool type, id = type id). */
@Entity
@Table(name = "lti_deployment")
@NamedQuery(name = Deployment.OF_PLATFORM,
        query = "select d from Deployment d where d.platform = :platform order by d.deploymentId")
@NamedQuery(name = Deployment.ALL, query = "select d from Deployment d join fetch d.platform order by d.deploymentId")
public class Deployment {

    static final String OF_PLATFORM = "Deployment.ofPlatform";
    static final String ALL = "Deployment.all";

    @Id
    @SequenceGenerator(name = "lti_deployment_seq", sequenceName = "lti_deployment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_deployment_seq")
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "platform_id")
    Platform platform;

    @Column(name = "deployment_id", nullable = false)
    String deploymentId;

    @Column(nullable = false)
    boolean enabled;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    protected Deployment() {
    }

    Deployment(Platform platform, String deploymentId, OffsetDateTime now) {
        this.platform = platform;
        this.deploymentId = deploymentId;
        this.enabled = true;
        this.createdAt = now;
    }

    /** Through the entity, so that EclipseLink's woven change tracking sees it. */
    void enable(boolean enable) {
        this.enabled = enable;
    }

    public Long id() {
        return id;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public boolean enabled() {
        return enabled;
    }
}
