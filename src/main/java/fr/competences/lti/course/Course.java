package fr.competences.lti.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A course: an LTI context of one deployment (context ids are unique per deployment only), with the
 * service endpoints its launches announce: NRPS memberships and AGS line items (URLs and scopes, no secret).
 */
@Entity
@Table(name = "lti_course")
@NamedQuery(name = Course.BY_CONTEXT,
        query = "select c from Course c where c.deploymentId = :deploymentId and c.contextId = :contextId")
public class Course {

    public static final String BY_CONTEXT = "Course.byContext";

    @Id
    @SequenceGenerator(name = "lti_course_seq", sequenceName = "lti_course_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_course_seq")
    Long id;

    @Column(name = "deployment_id", nullable = false)
    Long deploymentId;

    @Column(name = "context_id", nullable = false)
    String contextId;

    String label;

    String title;

    @Column(name = "memberships_url")
    String membershipsUrl;

    @Column(name = "lineitems_url")
    String lineItemsUrl;

    @Column(name = "ags_scopes")
    String agsScopes;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected Course() {
    }

    public Course(long deploymentId, String contextId, OffsetDateTime now) {
        this.deploymentId = deploymentId;
        this.contextId = contextId;
        this.updatedAt = now;
    }

    /** Takes the latest values; the timestamp moves only when something changed. */
    public void update(CourseClaims claims, OffsetDateTime now) {
        CourseClaims before = claims();
        if (!before.equals(claims)) {
            label = claims.label();
            title = claims.title();
            membershipsUrl = claims.membershipsUrl();
            lineItemsUrl = claims.lineItemsUrl();
            agsScopes = claims.agsScopes();
            updatedAt = now;
        }
    }

    public CourseClaims claims() {
        return new CourseClaims(label, title, membershipsUrl, lineItemsUrl, agsScopes);
    }

    public Long id() {
        return id;
    }

    /** The row id of the deployment (of one platform) the course belongs to. */
    public long deploymentId() {
        return deploymentId;
    }

    public String contextId() {
        return contextId;
    }

    /** The title to show: title, else label, else the context id. */
    public String displayTitle() {
        return Objects.requireNonNullElse(title, Objects.requireNonNullElse(label, contextId));
    }
}
