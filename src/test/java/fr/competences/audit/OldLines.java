package fr.competences.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Lines written straight into the database with a date in the past, as a year of use would leave them (the purge
 * tests cannot wait a year), and the database's own refusal to update a line.
 */
final class OldLines {

    /** A course id no launch creates: these lines are the only ones of it. */
    static final long COURSE = 987_654_321L;
    private static long nextId = 900_000_000L;

    private OldLines() {
    }

    /** One EXPORT line of {@link #COURSE}, {@code daysAgo} days old, with {@code target} to recognise it. */
    static void insert(Connection connection, int daysAgo, String target) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_entry (id, at, action, actor, "
                + "actor_user_id, actor_role, course_id, target) values (?, ?, 'EXPORT', 'USER', 1, 'TEACHER', ?, ?)")) {
            insert.setLong(1, nextId++);
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo));
            insert.setLong(3, COURSE);
            insert.setString(4, target);
            insert.executeUpdate();
        }
    }

    /** Updating any line is refused by the database itself, whoever asks. */
    static void updateIsRefused(Connection connection) {
        assertThatThrownBy(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("update audit_entry set target = 'rewritten' where course_id = " + COURSE);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
}
