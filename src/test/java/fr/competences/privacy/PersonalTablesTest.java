package fr.competences.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of personal data against the real schema (every migration, on an empty H2 database): a table added
 * with a user or course column must be listed in {@link PersonalTables}, or export, erasure and retention would miss
 * it (or fail on its foreign key). Also runs each of the catalogue's statements once, so a typo fails here.
 */
class PersonalTablesTest {

    /** A foreign key: {@code table.column} references {@code target}. */
    record ForeignKey(String table, String column, String target) {
    }

    static Connection db;
    static List<ForeignKey> foreignKeys;

    @BeforeAll
    static void migrate() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:personal-tables;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        db = dataSource.getConnection();
        foreignKeys = foreignKeys(db.getMetaData());
    }

    @AfterAll
    static void close() throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("shutdown");
        }
    }

    @Test
    void everyColumnThatNamesAUserIsAReferenceTheErasureChecks() {
        List<String> columns = foreignKeys.stream().filter(key -> key.target().equals("lti_user"))
                .map(key -> key.table() + "." + key.column()).toList();

        assertThat(PersonalTables.USER_REFERENCES)
                .as("colonnes qui désignent un utilisateur : à déclarer dans PersonalTables.USER_REFERENCES")
                .containsExactlyInAnyOrderElementsOf(columns);
    }

    @Test
    void everyTableOfAStudentIsExported() {
        Set<String> exported = new HashSet<>();
        PersonalTables.ABOUT_A_STUDENT.forEach(source -> exported.add(source.table()));
        List<String> studentTables = foreignKeys.stream().filter(key -> key.target().equals("lti_user"))
                .filter(key -> key.column().equals("user_id") || key.column().equals("student_user_id"))
                .map(ForeignKey::table).toList();

        assertThat(exported).as("tables des étudiants : à exporter dans PersonalTables.ABOUT_A_STUDENT")
                .containsAll(studentTables);
    }

    @Test
    void everyTableThatBelongsToACourseIsErasedWithIt() {
        Set<String> ofCourse = new HashSet<>(Set.of("lti_course"));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ForeignKey key : foreignKeys) {
                if (ofCourse.contains(key.target())) {
                    grew |= ofCourse.add(key.table());
                }
            }
        }
        List<String> purged = PersonalTables.COURSE.stream().map(PersonalTables.Purge::table).toList();

        assertThat(purged).as("tables d'un cours : à effacer dans PersonalTables.COURSE").containsAll(ofCourse);
    }

    @Test
    void coursePurgeDeletesChildrenBeforeTheirParents() {
        List<String> purged = PersonalTables.COURSE.stream().map(PersonalTables.Purge::table).toList();
        for (ForeignKey key : foreignKeys) {
            if (purged.contains(key.table()) && purged.contains(key.target()) && !key.table().equals(key.target())) {
                assertThat(purged.indexOf(key.table())).as(key.table() + " avant " + key.target())
                        .isLessThan(purged.indexOf(key.target()));
            }
        }
    }

    @Test
    void everyStatementRunsOnTheSchema() throws SQLException {
        for (PersonalTables.Source source : PersonalTables.ABOUT_A_STUDENT) {
            assertThat(Rows.read(db, source.sql(false), 1L)).isEmpty();
            Object[] oneCourse = source.course() == null ? new Object[] {1L} : new Object[] {1L, 2L};
            assertThat(Rows.read(db, source.sql(true), oneCourse)).isEmpty();
        }
        for (PersonalTables.Purge purge : PersonalTables.COURSE) {
            try (var statement = db.prepareStatement(purge.delete().replace("?1", "?"))) {
                for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                    statement.setLong(i, 1L);
                }
                assertThat(statement.executeUpdate()).isZero();
            }
        }
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData metadata) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = metadata.getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME"));
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (String table : tables) {
            try (ResultSet result = metadata.getImportedKeys(null, "PUBLIC", table)) {
                while (result.next()) {
                    keys.add(new ForeignKey(lower(result.getString("FKTABLE_NAME")),
                            lower(result.getString("FKCOLUMN_NAME")), lower(result.getString("PKTABLE_NAME"))));
                }
            }
        }
        return keys;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
