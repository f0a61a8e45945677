package fr.competences.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.backup.archive.BackupArchive.DatabaseKind;
import fr.competences.config.EnvironmentConfigSource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The commands read DATA_DIR and DB_URL as the application does: the H2 file a restore writes is the one the
 * application then opens.
 */
class CommandEnvironmentTest {

    @AfterEach
    void forget() {
        System.clearProperty("DATA_DIR");
        System.clearProperty("DB_URL");
    }

    @Test
    void theRestoredH2FileIsTheDatabaseTheApplicationOpens() {
        System.setProperty("DATA_DIR", "target/some/data");
        String applicationUrl = new EnvironmentConfigSource().getValue(EnvironmentConfigSource.DB_URL);
        CommandEnvironment commands = CommandEnvironment.ofProcess();

        assertThat(commands.dataDir().toString()).isEqualTo(
                new EnvironmentConfigSource().getValue(EnvironmentConfigSource.DATA_DIR));
        String h2File = commands.h2File().toString();
        assertThat(h2File).endsWith(".mv.db");
        assertThat(applicationUrl).startsWith("jdbc:h2:file:" + h2File.substring(0, h2File.length() - ".mv.db".length())
                + ";");
        assertThat(commands.databaseKind()).isEqualTo(DatabaseKind.H2);
    }

    @Test
    void defaultsAsTheApplication() {
        CommandEnvironment commands = new CommandEnvironment(Map.<String, String>of()::get);

        assertThat(commands.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(commands.port()).isEqualTo(8080);
        assertThat(new CommandEnvironment(Map.of("DB_URL", "jdbc:postgresql://h/db")::get).databaseKind())
                .isEqualTo(DatabaseKind.POSTGRESQL);
    }
}
