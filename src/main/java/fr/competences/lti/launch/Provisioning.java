package fr.competences.lti.launch;

import com.nimbusds.jose.util.JSONObjectUtils;
import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.course.Course;
import fr.competences.lti.course.CourseClaims;
import fr.competences.lti.course.CourseMember;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.course.Enrolments;
import fr.competences.lti.course.ResourceLink;
import fr.competences.lti.course.ToolUser;
import fr.competences.lti.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Upserts what a validated launch brings, in one transaction: the user (issuer, sub), the course (context of
 * the deployment), the resource link and the membership with its roles (users and members through
 * {@link Enrolments}, as the roster does). The launch's nonce is spent first, in the same transaction. A role
 * without access, or a deep linking request from a student, rolls everything back: a refused launch stores nothing,
 * and leaves its nonce unspent. An accepted one leaves its line in the audit trail, in the same transaction.
 */
@ApplicationScoped
class Provisioning {

    static final int MAX_TEXT = 1000;
    static final int MAX_LABEL = 255;
    static final int MAX_URL = 2000;
    static final int MAX_CUSTOM = 4000;

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Enrolments enrolments;

    @Inject
    Audit audit;

    @Inject
    Nonces nonces;

    Clock clock = Clock.systemUTC();

    /** The session of this launch (its times are set when the token is issued). */
    @Transactional
    public Session provision(LaunchContext launch, LoginState login) {
        spendNonce(login);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        ToolUser user = enrolments.users(launch.issuer(), Map.of(launch.subject(), launch.person()), now)
                .get(launch.subject());
        Course course = findOrCreate(em.createNamedQuery(Course.BY_CONTEXT, Course.class)
                .setParameter("deploymentId", launch.deploymentRowId()).setParameter("contextId", launch.contextId()),
                () -> new Course(launch.deploymentRowId(), launch.contextId(), now));
        course.update(fitted(launch.course()), now);
        ResourceLink link = launch.resourceLink() == null ? null : link(course, launch, now);
        CourseMember member = enrolments.member(course, user, launch.roles(), now);
        CourseRole role = member.role()
                .orElseThrow(() -> new LtiException(LtiError.ROLE_NOT_ALLOWED, describe(launch.roles())));
        if (launch.isDeepLinking() && role != CourseRole.TEACHER) {
            throw new LtiException(LtiError.TEACHER_ONLY);
        }
        audit.record(new AuditEvent.Launched(launch.platformId(), course.id(), user.id(), role.name(),
                launch.isDeepLinking()));
        em.flush();
        LaunchContext.DeepLinkingSettings deepLinking = launch.deepLinking();
        return new Session(launch.platformId(), launch.deploymentRowId(), course.id(), link == null ? null : link.id(),
                user.id(), member.id(), role, launch.language(),
                deepLinking == null ? null : deepLinking.returnUrl(), deepLinking == null ? null : deepLinking.data(),
                deepLinking != null && deepLinking.acceptMultiple(), now.toInstant(), now.toInstant());
    }

    /** First: a replay then writes nothing before it is refused. */
    private void spendNonce(LoginState login) {
        try {
            if (!nonces.consume(login.nonce(), login.expiresAt())) {
                throw new LtiException(LtiError.NONCE_REPLAYED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Base de données indisponible pour les nonces", e);
        }
    }

    private ResourceLink link(Course course, LaunchContext launch, OffsetDateTime now) {
        LaunchContext.ResourceLinkClaims claims = launch.resourceLink();
        ResourceLink link = findOrCreate(em.createNamedQuery(ResourceLink.BY_ID_IN_COURSE, ResourceLink.class)
                .setParameter("course", course).setParameter("resourceLinkId", claims.id()),
                () -> new ResourceLink(course, claims.id(), now));
        String custom = launch.custom().isEmpty() ? null : JSONObjectUtils.toJSONString(new HashMap<>(launch.custom()));
        link.update(text(claims.title(), MAX_TEXT), url(claims.lineItemUrl()),
                custom != null && custom.length() <= MAX_CUSTOM ? custom : null, now);
        return link;
    }

    private <T> T findOrCreate(TypedQuery<T> query, Supplier<T> creator) {
        Optional<T> found = query.getResultStream().findFirst();
        return found.orElseGet(() -> {
            T created = creator.get();
            em.persist(created);
            return created;
        });
    }

    /** Texts are cut to their column; a URL too long to keep whole is not kept. */
    private static CourseClaims fitted(CourseClaims claims) {
        return new CourseClaims(text(claims.label(), MAX_LABEL), text(claims.title(), MAX_TEXT),
                url(claims.membershipsUrl()), url(claims.lineItemsUrl()), text(claims.agsScopes(), MAX_TEXT));
    }

    private static String text(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String url(String value) {
        return value == null || value.length() <= MAX_URL ? value : null;
    }

    /** Role names for the refusal message: the part after '#' of each LIS URI. */
    private static String describe(List<String> roles) {
        return roles.isEmpty() ? "—"
                : roles.stream().map(role -> role.substring(role.lastIndexOf('#') + 1)).collect(Collectors.joining(", "));
    }
}
