package fr.competences.lti.roster;

import fr.competences.lti.course.Course;
import fr.competences.lti.course.Enrolments;
import fr.competences.lti.course.PersonClaims;
import fr.competences.lti.course.ToolUser;
import fr.competences.lti.nrps.Memberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A course's roster as the platform last gave it: users and members created for those who never launched, through
 * the same {@link Enrolments} as launches (a few queries per course, whatever its size), and each member's status
 * (Active, Inactive, Deleted).
 */
@ApplicationScoped
@Transactional
public class Roster {

    private static final Logger LOG = Logger.getLogger(Roster.class.getName());

    /** What a refresh did; {@code offered} is false when the platform gives no roster for the course. */
    public record Outcome(boolean offered, int members, int added, int inactive, String problem) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Enrolments enrolments;

    Clock clock = Clock.systemUTC();

    Outcome store(long courseId, String issuer, List<Memberships.Member> members) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Course course = em.find(Course.class, courseId);
        Map<String, PersonClaims> people = new LinkedHashMap<>();
        members.forEach(member -> people.put(member.userId(), new PersonClaims(member.name(), member.givenName(),
                member.familyName(), member.email())));
        Map<String, ToolUser> users = enrolments.users(issuer, people, now);
        Map<ToolUser, List<String>> roles = new LinkedHashMap<>();
        members.forEach(member -> roles.putIfAbsent(users.get(member.userId()), member.roles()));
        int added = enrolments.addMissing(course, roles, now);
        Map<Long, String> statuses = statuses(courseId);
        Map<ToolUser, String> changedStatuses = new LinkedHashMap<>();
        int inactive = 0;
        for (Memberships.Member member : members) {
            ToolUser user = users.get(member.userId());
            String status = switch (member.status()) {
                case "Inactive", "Deleted" -> member.status();
                default -> "Active";
            };
            inactive += "Active".equals(status) ? 0 : 1;
            if (!status.equals(statuses.get(user.id()))) {
                changedStatuses.put(user, status);
            }
        }
        em.flush(); // the users and members above exist before their roster rows
        changedStatuses.forEach((user, status) -> {
            if (statuses.containsKey(user.id())) {
                em.createNativeQuery("update gb_roster_member set status = ?1, updated_at = ?2 "
                        + "where course_id = ?3 and user_id = ?4").setParameter(1, status).setParameter(2, now)
                        .setParameter(3, courseId).setParameter(4, user.id()).executeUpdate();
            } else {
                em.createNativeQuery("insert into gb_roster_member (course_id, user_id, status, updated_at) "
                        + "values (?1, ?2, ?3, ?4)").setParameter(1, courseId).setParameter(2, user.id())
                        .setParameter(3, status).setParameter(4, now).executeUpdate();
            }
        });
        LOG.info("Membres du cours " + courseId + " lus sur la plateforme : " + members.size() + " (" + added
                + " nouveaux, " + inactive + " inactifs ou supprimés)");
        return new Outcome(true, members.size(), added, inactive, null);
    }

    /** The roster status of each member of the course (Active, Inactive, Deleted) as last read. */
    public Map<Long, String> statuses(long courseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, status from gb_roster_member where course_id = ?1")
                .setParameter(1, courseId).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> (String) r[1]));
    }
}
