package fr.competences.lti.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one way users and course members come in, from a launch or from the platform's roster: a user is found by
 * (issuer, sub) or created and keeps the personal data last sent (cut to its columns), and a member of the course is
 * found or created with the platform's roles. In the caller's transaction, a few queries whatever the number of users.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Enrolments {

    static final int MAX_NAME = 255;
    static final int MAX_EMAIL = 320;

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    /** The users of one platform by sub, created when new, each updated with what the platform sent about them. */
    public Map<String, ToolUser> users(String issuer, Map<String, PersonClaims> people, OffsetDateTime now) {
        Map<String, ToolUser> users = people.isEmpty() ? new HashMap<>() : em.createQuery(
                "select u from ToolUser u where u.issuer = :issuer and u.subject in :subjects", ToolUser.class)
                .setParameter("issuer", issuer).setParameter("subjects", people.keySet()).getResultStream()
                .collect(Collectors.toMap(ToolUser::subject, Function.identity()));
        people.forEach((subject, person) -> {
            ToolUser user = users.computeIfAbsent(subject, sub -> {
                ToolUser created = new ToolUser(issuer, sub, now);
                em.persist(created);
                return created;
            });
            user.update(fitted(person), now);
        });
        return users;
    }

    /** The user's membership of the course, created when new, with the roles the platform gives now. */
    public CourseMember member(Course course, ToolUser user, List<String> roles, OffsetDateTime now) {
        CourseMember member = em.createNamedQuery(CourseMember.BY_USER_IN_COURSE, CourseMember.class)
                .setParameter("course", course).setParameter("user", user).getResultStream().findFirst()
                .orElseGet(() -> join(course, user, now));
        member.launched(roles, now);
        return member;
    }

    /**
     * Memberships for the users who are not members of the course yet, with the roles the roster gives (those of
     * members already there come from their launches); how many were added.
     */
    public int addMissing(Course course, Map<ToolUser, List<String>> roles, OffsetDateTime now) {
        Map<Long, CourseMember> enrolled = em.createNamedQuery(CourseMember.OF_COURSE, CourseMember.class)
                .setParameter("courseId", course.id()).getResultStream()
                .collect(Collectors.toMap(m -> m.user().id(), Function.identity()));
        int added = 0;
        for (Map.Entry<ToolUser, List<String>> user : roles.entrySet()) {
            if (!enrolled.containsKey(user.getKey().id())) {
                join(course, user.getKey(), now).launched(user.getValue(), now);
                added++;
            }
        }
        return added;
    }

    private CourseMember join(Course course, ToolUser user, OffsetDateTime now) {
        CourseMember member = new CourseMember(course, user, now);
        em.persist(member);
        return member;
    }

    /** Names are cut to their column; an email too long to keep whole is not kept (a cut address is a wrong one). */
    static PersonClaims fitted(PersonClaims person) {
        String email = person.email() == null || person.email().length() <= MAX_EMAIL ? person.email() : null;
        return new PersonClaims(cut(person.name()), cut(person.givenName()), cut(person.familyName()), email);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_NAME ? value : value.substring(0, MAX_NAME);
    }
}
