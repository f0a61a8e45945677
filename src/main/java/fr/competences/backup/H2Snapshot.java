package fr.competences.backup;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * H2's {@code BACKUP TO}, run by the application that holds the database file open (nothing else may open it): H2
 * stops reusing space in the file while it copies it, so the copy is the store as of one commit. The copy is then
 * opened on its own, which rolls back what was in flight at that instant, and what it holds is read from it.
 */
final class H2Snapshot implements DatabaseSnapshot {

    private static final String COPY_NAME = "competences";

    private final DataSource live;
    private final String user;
    private final String password;

    H2Snapshot(DataSource live, String user, String password) {
        this.live = live;
        this.user = user;
        this.password = password;
    }

    @Override
    public Snapshot take(Path dir) throws SQLException, IOException {
        Path zip = dir.resolve("h2-backup.zip");
        try (Connection connection = live.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        }
        Path copy = dir.resolve(COPY_NAME + ".mv.db");
        unzipStore(zip, copy);
        Files.delete(zip);
        JdbcDataSource copied = new JdbcDataSource();
        copied.setURL("jdbc:h2:file:" + dir.resolve(COPY_NAME));
        copied.setUser(user);
        copied.setPassword(password);
        try (Connection connection = copied.getConnection()) {
            Map<String, String> evidence = DatabaseSnapshot.evidenceFiles(connection);
            String version = DatabaseSnapshot.schemaVersion(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            return new Snapshot(DatabaseKind.H2, copy, version, evidence);
        }
    }

    /** The ZIP {@code BACKUP TO} writes holds the store file, named after the database. */
    private static void unzipStore(Path zip, Path copy) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(".mv.db")) {
                    Files.copy(in, copy);
                    return;
                }
            }
        }
        throw new IOException("BACKUP TO n'a pas écrit de fichier .mv.db");
    }
}
