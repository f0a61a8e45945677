package fr.competences.lti.course;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A course's members and activities as its pages show them, and the tool-teacher grant. Every method takes
 * the course of the caller's session: a member or link of another course is simply not found. A page's reads
 * happen in one call, so in one transaction and one persistence context.
 */
@ApplicationScoped
@Transactional
public class CourseMembers {

    private static final Logger LOG = Logger.getLogger(CourseMembers.class.getName());

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Audit audit;

    /** What the teacher's course page shows: the course, its activities seen so far, its members. */
    public record Overview(Course course, List<ResourceLink> links, List<CourseMember> members) {
    }

    /** What the student's activity page shows. */
    public record Activity(Course course, ResourceLink link, ToolUser user) {
    }

    public Optional<Overview> overview(long courseId) {
        return Optional.ofNullable(em.find(Course.class, courseId)).map(course -> new Overview(course,
                em.createNamedQuery(ResourceLink.OF_COURSE, ResourceLink.class)
                        .setParameter("courseId", courseId).getResultList(),
                em.createNamedQuery(CourseMember.OF_COURSE, CourseMember.class)
                        .setParameter("courseId", courseId).getResultList()));
    }

    /** A course alone (e.g. the source of a Moodle course copy), without its links and members. */
    public Optional<Course> course(long courseId) {
        return Optional.ofNullable(em.find(Course.class, courseId));
    }

    /** One transaction for the three reads of a student's landing page; the link must belong to the course. */
    public Optional<Activity> activity(long courseId, Long linkId, long userId) {
        Course course = em.find(Course.class, courseId);
        ResourceLink link = linkId == null ? null : em.find(ResourceLink.class, linkId);
        ToolUser user = em.find(ToolUser.class, userId);
        if (course == null || link == null || user == null || link.courseId() != courseId) {
            return Optional.empty();
        }
        return Optional.of(new Activity(course, link, user));
    }

    /** A resource link of the course, alone (e.g. to read its custom parameters). */
    public Optional<ResourceLink> link(long courseId, long linkId) {
        return Optional.ofNullable(em.find(ResourceLink.class, linkId)).filter(link -> link.courseId() == courseId);
    }

    /** Whether the user is a teacher of that course in the tool (roles of their last launch there, or a grant). */
    public boolean teaches(long courseId, long userId) {
        return em.createNamedQuery(CourseMember.BY_IDS, CourseMember.class)
                .setParameter("courseId", courseId).setParameter("userId", userId).getResultStream().findFirst()
                .flatMap(CourseMember::role).filter(role -> role == CourseRole.TEACHER).isPresent();
    }

    /**
     * A resource link the platform named before anyone launched it (the line item of a deep-linked activity gives its
     * link's id): created as its first launch would create it, which will then find it. Returns its row id.
     */
    public long linkSeen(long courseId, String resourceLinkId, String title, OffsetDateTime now) {
        Course course = em.find(Course.class, courseId);
        ResourceLink link = em.createNamedQuery(ResourceLink.BY_ID_IN_COURSE, ResourceLink.class)
                .setParameter("course", course).setParameter("resourceLinkId", resourceLinkId).getResultStream()
                .findFirst().orElseGet(() -> {
                    ResourceLink seen = new ResourceLink(course, resourceLinkId, now);
                    seen.update(title == null || title.length() <= 1000 ? title : title.substring(0, 1000), null, null,
                            now);
                    em.persist(seen);
                    em.flush();
                    LOG.info(() -> "Lien " + resourceLinkId + " du cours " + courseId + " connu par son élément de notes");
                    return seen;
                });
        return link.id();
    }

    /** The member's role now (after a grant or a revocation), if they still have access. */
    public Optional<CourseRole> roleOf(long courseId, long memberId) {
        return member(courseId, memberId).flatMap(CourseMember::role);
    }

    /**
     * Gives (or takes back) tool-teacher rights to a member of the course, e.g. a non-editing teacher that
     * Moodle sends as Learner. Rights coming from the platform's roles cannot be taken back here. Logged in the
     * audit trail.
     */
    public Optional<CourseMember> grantTeacher(long courseId, long memberId, boolean granted, long byUserId) {
        Optional<CourseMember> member = member(courseId, memberId);
        member.ifPresent(m -> {
            m.grantTeacher(granted, byUserId);
            audit.record(new AuditEvent.TeacherRightsChanged(courseId, byUserId, m.user().id(), granted));
            LOG.info(() -> "Droits d'enseignant " + (granted ? "donnés" : "retirés") + " : membre " + memberId
                    + " du cours " + courseId + " par l'utilisateur " + byUserId);
        });
        return member;
    }

    private Optional<CourseMember> member(long courseId, long memberId) {
        return Optional.ofNullable(em.find(CourseMember.class, memberId))
                .filter(member -> member.course.id == courseId);
    }
}
