package fr.competences.privacy;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.course.LisRoles;
import fr.competences.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads everything the tool holds about one person, as stored, in one transaction ({@link PersonalTables} says
 * where), and answers who that person is to a course. Writes nothing but the audit line of each export.
 */
@ApplicationScoped
@Transactional
public class PersonalData {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Audit audit;

    Clock clock = Clock.systemUTC();

    /**
     * Everything about the user; of one course only when {@code courseId} is given. The audit trail says who read it,
     * in the same transaction.
     */
    PersonalRecord read(long userId, Long courseId, Requester requester) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
            for (PersonalTables.Source source : PersonalTables.ABOUT_A_STUDENT) {
                Object[] parameters = courseId == null || source.course() == null
                        ? new Object[] {userId} : new Object[] {userId, courseId};
                tables.put(source.table(), Rows.read(connection, source.sql(courseId != null), parameters));
            }
            List<PersonalRecord.EvidenceFile> files = ZipEntries.evidence(tables.get("evidence"));
            audit.record(new AuditEvent.PersonalDataExported(requester.courseId(), requester.userId(),
                    requester.role(), userId));
            return new PersonalRecord(userId, courseId, clock.instant(), tables, context(connection, userId, tables),
                    files);
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture des données personnelles impossible", e);
        }
    }

    /** A registered platform as the admin API names it. */
    record Platform(String issuer, String name) {
    }

    /**
     * A platform by its id, read from the database (not from a registrations snapshot, which another instance may
     * not have reloaded yet when the platform was registered a moment ago).
     */
    Optional<Platform> platform(long platformId) {
        try (Connection connection = dataSource.getConnection()) {
            return Rows.read(connection, "select issuer, name from lti_platform where id = ?", platformId).stream()
                    .findFirst().map(row -> new Platform((String) row.get("issuer"), (String) row.get("name")));
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture de la plateforme impossible", e);
        }
    }

    /** The user a platform's issuer knows by this subject ({@code sub}), if the tool knows them. */
    Optional<Long> userOf(String issuer, String subject) {
        try (Connection connection = dataSource.getConnection()) {
            return Rows.read(connection, "select id from lti_user where issuer = ? and subject = ?", issuer, subject)
                    .stream().findFirst().map(row -> ((Number) row.get("id")).longValue());
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture de l'utilisateur impossible", e);
        }
    }

    /** The user's role in the course now, from their membership (none: not a member, or no access). */
    Optional<CourseRole> roleIn(long courseId, long userId) {
        try (Connection connection = dataSource.getConnection()) {
            return Rows.read(connection, "select platform_roles, teacher_granted from lti_course_member "
                    + "where course_id = ? and user_id = ?", courseId, userId).stream().findFirst()
                    .flatMap(row -> LisRoles.access(roles((String) row.get("platform_roles")),
                            Boolean.TRUE.equals(row.get("teacher_granted"))));
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture du rôle impossible", e);
        }
    }

    /** The rows the person's rows refer to, so that the export reads without the rest of the database. */
    private static Map<String, List<Map<String, Object>>> context(Connection connection, long userId,
            Map<String, List<Map<String, Object>>> tables) throws SQLException {
        Set<Long> activities = ids(tables, "activity_id", "assessment_sheet", "assessment_self_position",
                "assessment_history", "evidence", "gb_score_sync");
        Map<String, List<Map<String, Object>>> context = new LinkedHashMap<>();
        context.put("assessment_activity", Rows.read(connection, "select id, course_id, title, referentiel_code, "
                + "score_maximum from assessment_activity where id in " + in(activities) + " order by id"));
        Set<Long> courses = ids(tables, "course_id", "lti_course_member", "gb_roster_member", "gb_score_sync");
        courses.addAll(ids(context, "course_id", "assessment_activity"));
        context.put("lti_course", Rows.read(connection, "select c.id, c.context_id, c.label, c.title, "
                + "p.name as platform, p.issuer from lti_course c join lti_deployment d on d.id = c.deployment_id "
                + "join lti_platform p on p.id = d.platform_id where c.id in " + in(courses) + " order by c.id"));
        context.put("gb_competency_column", Rows.read(connection, "select id, course_id, code, label "
                + "from gb_competency_column where id in " + in(ids(tables, "column_id", "gb_score_sync"))
                + " order by id"));
        Set<Long> authors = ids(tables, "changed_by", "assessment_history");
        authors.addAll(ids(tables, "updated_by", "assessment_sheet"));
        authors.addAll(ids(tables, "granted_by", "lti_course_member"));
        authors.remove(userId);
        context.put("authors", Rows.read(connection, "select id, subject, name, given_name, family_name from lti_user "
                + "where id in " + in(authors) + " order by id"));
        return context;
    }

    private static Set<Long> ids(Map<String, List<Map<String, Object>>> tables, String column, String... names) {
        return Arrays.stream(names).flatMap(name -> tables.getOrDefault(name, List.of()).stream())
                .map(row -> row.get(column)).filter(Number.class::isInstance)
                .map(id -> ((Number) id).longValue()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** An SQL list of ids (numbers only, so nothing to escape); never empty. */
    private static String in(Set<Long> ids) {
        return ids.isEmpty() ? "(-1)" : ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }

    private static List<String> roles(String platformRoles) {
        return platformRoles == null || platformRoles.isBlank() ? List.of() : List.of(platformRoles.split(" "));
    }
}
