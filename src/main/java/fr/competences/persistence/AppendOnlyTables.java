package fr.competences.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V71: the database itself refuses to update the rows of the append-only tables (the audit trail), so
 * that not even a bug or a hand-typed statement rewrites history; deleting stays possible for the retention purge.
 * A trigger in each database's own language, hence Java rather than portable SQL: PL/pgSQL on PostgreSQL, a Java
 * trigger class ({@link RefuseUpdate}) on H2.
 */
public class AppendOnlyTables implements JavaMigration {

    static final List<String> TABLES = List.of("audit_entry");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("71");
    }

    @Override
    public String getDescription() {
        return "append only tables";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                statement.execute("create function refuse_update() returns trigger language plpgsql as $$ begin "
                        + "raise exception '% is append-only: its rows are never updated', TG_TABLE_NAME; end $$");
            }
            for (String table : TABLES) {
                statement.execute("create trigger " + table + "_append_only before update on " + table
                        + " for each row " + (postgres ? "execute function refuse_update()"
                        : "call '" + RefuseUpdate.class.getName() + "'"));
            }
        }
    }
}
