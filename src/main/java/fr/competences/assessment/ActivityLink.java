package fr.competences.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An LTI resource link (row id of {@code lti_resource_link}) that opens an activity. */
@Entity
@Table(name = "assessment_activity_link")
class ActivityLink {

    @Id
    @Column(name = "resource_link_id")
    Long resourceLinkId;

    @Column(name = "activity_id", nullable = false)
    long activityId;

    protected ActivityLink() {
    }

    ActivityLink(long resourceLinkId, long activityId) {
        this.resourceLinkId = resourceLinkId;
        this.activityId = activityId;
    }
}
