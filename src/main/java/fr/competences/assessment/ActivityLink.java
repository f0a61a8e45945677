package fr.competences.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An LTI resource link (row id of {@code lti_resource_link}) that opens an activity. */
@Entity
@Table(name = "assessment_activity_link")
@NamedQuery(name = ActivityLink.OF_ACTIVITY, query = "select l.resourceLinkId from ActivityLink l "
        + "where l.activityId = :activityId order by l.resourceLinkId")
@NamedQuery(name = ActivityLink.OF_COURSE, query = "select l.resourceLinkId from ActivityLink l, Activity a "
        + "where a.id = l.activityId and a.courseId = :courseId")
class ActivityLink {

    static final String OF_ACTIVITY = "ActivityLink.ofActivity";
    static final String OF_COURSE = "ActivityLink.ofCourse";

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

    /** Through the entity, so that EclipseLink's woven change tracking sees it. */
    void opens(long otherActivityId) {
        activityId = otherActivityId;
    }
}
