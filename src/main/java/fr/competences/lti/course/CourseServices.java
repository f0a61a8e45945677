package fr.competences.lti.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the platform's services (AGS, NRPS) need about a course, its resource links and its users, read from the LTI
 * tables for the gradebook and the roster: they never read these tables themselves. One query each, in the caller's
 * transaction when there is one.
 */
@ApplicationScoped
@Transactional
public class CourseServices {

    /** The platform, the NRPS memberships URL, the AGS line items URL of a course. */
    public record Endpoints(long platformId, String membershipsUrl, String lineItemsUrl) {
    }

    /**
     * A resource link as the platform knows it: the line item its launches named (null when none), its id on the
     * platform and its title, and its course's AGS line items URL (null when AGS is not offered).
     */
    public record Link(String lineItemUrl, String resourceLinkId, String title, String lineItemsUrl) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    public Endpoints of(long courseId) {
        Object[] row = (Object[]) em.createNativeQuery("select d.platform_id, c.memberships_url, c.lineitems_url "
                + "from lti_course c join lti_deployment d on d.id = c.deployment_id where c.id = ?1")
                .setParameter(1, courseId).getSingleResult();
        return new Endpoints(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
    }

    public Link link(long resourceLinkId) {
        Object[] row = (Object[]) em.createNativeQuery("select l.lineitem_url, l.resource_link_id, l.title, "
                + "c.lineitems_url from lti_resource_link l join lti_course c on c.id = l.course_id where l.id = ?1")
                .setParameter(1, resourceLinkId).getSingleResult();
        return new Link((String) row[0], (String) row[1], (String) row[2], (String) row[3]);
    }

    /**
     * The same, holding the link's row until the caller's transaction ends: concurrent callers for the same link (on
     * this instance or another) wait for the first one, e.g. to create a single line item.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Link lockLink(long resourceLinkId) {
        em.createNativeQuery("select id from lti_resource_link where id = ?1 for update").setParameter(1, resourceLinkId)
                .getResultList(); // the link's row only: launches of the course go on meanwhile
        return link(resourceLinkId);
    }

    /** The platform's id ({@code sub}) of each of these users that exists. */
    public Map<Long, String> subjects(Collection<Long> userIds) {
        Map<Long, String> subjects = new HashMap<>();
        em.createQuery("select u.id, u.subject from ToolUser u where u.id in :ids", Object[].class)
                .setParameter("ids", userIds).getResultList()
                .forEach(row -> subjects.put((Long) row[0], (String) row[1]));
        return subjects;
    }
}
