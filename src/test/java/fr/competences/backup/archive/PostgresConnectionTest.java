package fr.competences.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JDBC URL of DB_URL as PostgreSQL's tools take it; credentials only in their environment. */
class PostgresConnectionTest {

    @Test
    void hostPortAndDatabaseCarryOverAndTheCredentialsGoToTheEnvironment() {
        PostgresConnection connection = PostgresConnection.fromJdbc("jdbc:postgresql://db.lycee.fr:5433/competences",
                "competences", "s3cret");

        assertThat(connection.uri()).isEqualTo("postgresql://db.lycee.fr:5433/competences");
        assertThat(connection.environment()).isEqualTo(Map.of("PGUSER", "competences", "PGPASSWORD", "s3cret"));
        assertThat(connection.toString()).doesNotContain("s3cret");
    }

    @Test
    void keepsTheTlsSettingsLibpqUnderstandsAndDropsTheDriversOwn() {
        assertThat(PostgresConnection.fromJdbc("jdbc:postgresql://h/db?sslmode=require&ApplicationName=x&connectTimeout=5",
                "u", "").uri()).isEqualTo("postgresql://h/db?sslmode=require&connect_timeout=5");
        assertThat(PostgresConnection.fromJdbc("jdbc:postgresql://h/db?ssl=true&sslrootcert=/etc/ssl/ca.pem", "u", "")
                .uri()).isEqualTo("postgresql://h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Fca.pem");
    }

    @Test
    void credentialsInTheUrlServeWhenDbUserAndDbPasswordAreUnset() {
        PostgresConnection connection = PostgresConnection.fromJdbc(
                "jdbc:postgresql://h:5432/db?user=app&password=p%40ss", null, "");

        assertThat(connection.uri()).isEqualTo("postgresql://h:5432/db");
        assertThat(connection.environment()).isEqualTo(Map.of("PGUSER", "app", "PGPASSWORD", "p@ss"));
    }

    @Test
    void aUrlWithoutHostMeansLocalhostOverTcpAsForTheDriver() {
        assertThat(PostgresConnection.fromJdbc("jdbc:postgresql:competences", "u", "p").uri())
                .isEqualTo("postgresql://localhost/competences");
        assertThat(PostgresConnection.fromJdbc("jdbc:postgresql://h1:5432,h2:5432/db", "u", "p").uri())
                .isEqualTo("postgresql://h1:5432,h2:5432/db");
    }

    @Test
    void anEmptyPasswordIsLeftToPgpass() {
        assertThat(PostgresConnection.fromJdbc("jdbc:postgresql://h/db", "app", "").environment())
                .isEqualTo(Map.of("PGUSER", "app"));
    }
}
