package fr.competences.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * V150 on a database of the previous version: each level gets the time the class progress read until then, its
 * latest change in the history (neither the comment's lines nor another student's), else its sheet's time.
 */
class PositionTimesMigrationTest {

    @Test
    void eachLevelIsDatedByItsLatestChangeInTheHistoryElseByItsSheet() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:position-times;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("123").load().migrate();
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("insert into lti_platform (id, issuer, client_id, name, authorization_endpoint, jwks_uri, enabled, "
                    + "registered_by, created_at, updated_at) values (1, 'https://moodle', 'c', 'Moodle', 'https://a', "
                    + "'https://j', true, 'ADMIN', " + at(0) + ", " + at(0) + ")");
            sql.execute("insert into lti_deployment (id, platform_id, deployment_id, enabled, created_at) values "
                    + "(1, 1, 'd', true, " + at(0) + ")");
            for (int user = 1; user <= 3; user++) {
                sql.execute("insert into lti_user (id, issuer, subject, last_launch_at) values (" + user
                        + ", 'https://moodle', 's" + user + "', " + at(0) + ")");
            }
            sql.execute("insert into lti_course (id, deployment_id, context_id, updated_at) values (1, 1, 'C', "
                    + at(0) + ")");
            sql.execute("insert into assessment_activity (id, course_id, referentiel_code, title, score_maximum, "
                    + "created_by, created_at, updated_at, version) values (1, 1, 'bts-sio-2019-slam', 'TP', 20, 1, "
                    + at(0) + ", " + at(0) + ", 1)");
            sql.execute("insert into assessment_sheet (id, activity_id, student_user_id, version, updated_by, updated_at) "
                    + "values (1, 1, 2, 3, 1, " + at(40) + "), (2, 1, 3, 1, 1, " + at(10) + ")");
            sql.execute("insert into assessment_position (sheet_id, item_code, level) values "
                    + "(1, 'B2.1', 1), (1, 'B2.2.1', 3), (1, 'B2.3', 2), (2, 'B2.2.1', 0)");
            sql.execute("insert into assessment_history (id, activity_id, student_user_id, item_code, old_level, "
                    + "new_level, teacher_comment, changed_by, changed_at) values "
                    + "(1, 1, 2, 'B2.1', null, 2, null, 1, " + at(10) + "), "
                    + "(2, 1, 2, 'B2.2.1', null, 3, null, 1, " + at(10) + "), "
                    + "(3, 1, 2, 'B2.1', 2, 1, null, 1, " + at(30) + "), "
                    + "(4, 1, 2, null, null, null, 'Bien', 1, " + at(50) + "), "
                    + "(5, 1, 3, 'B2.2.1', null, 0, null, 1, " + at(10) + "), "
                    + "(6, 1, 3, 'B2.1', null, 2, null, 1, " + at(60) + ")");
        }

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        Map<String, OffsetDateTime> times = new HashMap<>();
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select sheet_id, item_code, changed_at from assessment_position")) {
            while (rows.next()) {
                times.put(rows.getLong(1) + " " + rows.getString(2), rows.getObject(3, OffsetDateTime.class));
            }
            sql.execute("shutdown");
        }
        assertThat(times).containsOnly(
                Map.entry("1 B2.1", time(30)), // its latest change, not the first
                Map.entry("1 B2.2.1", time(10)), // not the comment's line, nor the other student's
                Map.entry("1 B2.3", time(40)), // no line in the history: its sheet's time
                Map.entry("2 B2.2.1", time(10)));
    }

    private static String at(int minutes) {
        return "timestamp with time zone '" + time(minutes).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx"))
                + "'";
    }

    private static OffsetDateTime time(int minutes) {
        return OffsetDateTime.parse("2026-11-02T08:00:00Z").plusMinutes(minutes);
    }
}
