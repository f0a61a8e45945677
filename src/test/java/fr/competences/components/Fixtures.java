package fr.competences.components;

import fr.competences.lti.course.Course;
import fr.competences.lti.course.CourseClaims;
import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.Enrolments;
import fr.competences.lti.course.PersonClaims;
import fr.competences.lti.course.ResourceLink;
import fr.competences.lti.course.ToolUser;
import fr.competences.lti.registration.Platform;
import fr.competences.lti.registration.PlatformSettings;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Rows the component tests start from, each call in its own transaction: what launches would have stored. */
@ApplicationScoped
@Transactional
public class Fixtures {

    /** A platform of its own (issuer {@code https://NAME.example}), its deployment and one course. */
    public record CourseOf(long platformId, String issuer, long courseId) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Registrations registrations;

    @Inject
    Enrolments enrolments;

    public RegisteredPlatform platform(String name, boolean enabled) {
        String issuer = "https://" + name + ".example";
        return registrations.save(new PlatformSettings(issuer, "tool", name, issuer + "/auth", issuer + "/token",
                issuer + "/jwks", List.of("1"), enabled), Platform.RegisteredBy.ADMIN);
    }

    public CourseOf course(String name) {
        RegisteredPlatform platform = platform(name, true);
        Course course = new Course(platform.deployment("1").orElseThrow(), "course-" + name, now());
        course.update(new CourseClaims(name, "Cours " + name, platform.issuer() + "/memberships",
                platform.issuer() + "/lineitems", "score lineitem"), now());
        em.persist(course);
        em.flush();
        return new CourseOf(platform.id(), platform.issuer(), course.id());
    }

    public long link(long courseId, String resourceLinkId) {
        ResourceLink link = new ResourceLink(em.find(Course.class, courseId), resourceLinkId, now());
        em.persist(link);
        em.flush();
        return link.id();
    }

    /** The users of one platform, through the one provisioning path. */
    public Map<String, ToolUser> users(String issuer, Map<String, PersonClaims> people) {
        return enrolments.users(issuer, people, now());
    }

    public ToolUser user(long id) {
        return em.find(ToolUser.class, id);
    }

    /** A member of the course with these roles, as a launch makes them. */
    public long member(long courseId, long userId, List<String> roles) {
        return enrolments.member(em.find(Course.class, courseId), em.find(ToolUser.class, userId), roles, now()).id();
    }

    public List<String> roles(long courseId, long userId) {
        return em.createQuery("select m from CourseMember m where m.course.id = :course and m.user.id = :user",
                CourseMember.class).setParameter("course", courseId).setParameter("user", userId).getResultStream()
                .findFirst().map(CourseMember::platformRoles).orElse(List.of());
    }

    public long members(long courseId) {
        return em.createQuery("select count(m) from CourseMember m where m.course.id = :course", Long.class)
                .setParameter("course", courseId).getSingleResult();
    }

    /** A change made behind the back of this instance's registrations, as another instance would. */
    public void disableElsewhere(long platformId) {
        em.createNativeQuery("update lti_platform set enabled = false where id = ?1").setParameter(1, platformId)
                .executeUpdate();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
