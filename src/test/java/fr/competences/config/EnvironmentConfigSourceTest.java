package fr.competences.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentConfigSourceTest {

    private static Map<String, String> derive(Map<String, String> env) {
        return EnvironmentConfigSource.derive(env::get);
    }

    @Test
    void withoutSettingsUsesH2InTheDataDirectoryAndLocalhost8080() {
        Map<String, String> config = derive(Map.of());

        Path data = Path.of("data").toAbsolutePath();
        assertThat(config.get("data.dir")).isEqualTo(data.toString());
        assertThat(config.get("db.url")).startsWith("jdbc:h2:file:" + data.resolve("competences"));
        assertThat(config.get("db.class")).isEqualTo("org.h2.jdbcx.JdbcDataSource");
        assertThat(config.get("public.url")).isEqualTo("http://localhost:8080");
    }

    @Test
    void h2CommitsReachTheFileBeforeTheyReturnWhateverTheUrl() {
        assertThat(derive(Map.of()).get("db.url")).endsWith(";WRITE_DELAY=0");
        assertThat(derive(Map.of("DB_URL", "jdbc:h2:file:/srv/x;MODE=LEGACY")).get("db.url"))
                .isEqualTo("jdbc:h2:file:/srv/x;MODE=LEGACY;WRITE_DELAY=0");
        assertThat(derive(Map.of("DB_URL", "jdbc:h2:file:/srv/x;write_delay=100")).get("db.url"))
                .as("an administrator's explicit choice, warned about at startup").isEqualTo("jdbc:h2:file:/srv/x;write_delay=100");
    }

    @Test
    void publicUrlFollowsThePortUnlessGivenAndLosesItsTrailingSlash() {
        assertThat(derive(Map.of("PORT", "9090")).get("public.url")).isEqualTo("http://localhost:9090");
        assertThat(derive(Map.of("PORT", "9090", "PUBLIC_URL", "https://lti.lycee.fr/")).get("public.url"))
                .isEqualTo("https://lti.lycee.fr");
    }

    @Test
    void aPostgresUrlSwitchesTheDataSourceAndKeepsTheCredentials() {
        Map<String, String> config = derive(Map.of("DB_URL", "jdbc:postgresql://db:5432/competences",
                "DB_USER", "app", "DB_PASSWORD", "s3cret"));

        assertThat(config.get("db.class")).isEqualTo("org.postgresql.ds.PGSimpleDataSource");
        assertThat(config.get("db.url")).isEqualTo("jdbc:postgresql://db:5432/competences");
        assertThat(config.get("db.user")).isEqualTo("app");
        assertThat(config.get("db.password")).isEqualTo("s3cret");
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithoutEchoingItsPassword() {
        assertThatThrownBy(() -> derive(Map.of("DB_URL", "jdbc:mysql://db/x?password=s3cret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theStartupReportMasksPasswordsInJdbcUrls() {
        assertThat(StartupReport.withoutSecrets("jdbc:postgresql://db/x?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=app&password=***&ssl=true");
        assertThat(StartupReport.withoutSecrets("jdbc:h2:file:/data/competences;PASSWORD=sa"))
                .isEqualTo("jdbc:h2:file:/data/competences;PASSWORD=***");
    }

    @Test
    void otherSettingsAreAlsoReadFromSystemPropertiesNamedLikeTheirEnvironmentVariable() {
        assertThat(EnvironmentConfigSource.environmentName("gradebook.sync.give-up-after"))
                .isEqualTo("GRADEBOOK_SYNC_GIVE_UP_AFTER");
        EnvironmentConfigSource source = new EnvironmentConfigSource(Map.<String, String>of()::get);
        System.setProperty("ADMIN_TOKEN", "from-system-property");
        try {
            assertThat(source.getValue("admin.token")).isEqualTo("from-system-property");
            assertThat(source.getValue("lti.clock-leeway-seconds")).isNull();
        } finally {
            System.clearProperty("ADMIN_TOKEN");
        }
    }
}
