package fr.competences.lti.course;

import jakarta.persistence.EntityManager;

/** Reads what the platform's services need about a course and its links from the LTI tables, one query each. */
public final class CourseServices {

    /** The platform, the NRPS memberships URL, the AGS line items URL of a course. */
    public record Endpoints(long platformId, String membershipsUrl, String lineItemsUrl) {
    }

    private CourseServices() {
    }

    public static Endpoints of(EntityManager em, long courseId) {
        Object[] row = (Object[]) em.createNativeQuery("select d.platform_id, c.memberships_url, c.lineitems_url "
                + "from lti_course c join lti_deployment d on d.id = c.deployment_id where c.id = ?1")
                .setParameter(1, courseId).getSingleResult();
        return new Endpoints(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
    }

    /** The launch's line item of a resource link, else the one the tool found or created; null when none yet. */
    public static String lineItemOf(EntityManager em, long resourceLinkId) {
        Object[] urls = (Object[]) em.createNativeQuery("select l.lineitem_url, g.line_item_url from lti_resource_link l "
                + "left join gb_line_item g on g.resource_link_id = l.id where l.id = ?1")
                .setParameter(1, resourceLinkId).getSingleResult();
        return (String) (urls[0] != null ? urls[0] : urls[1]);
    }
}
