package fr.competences.lti;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DynamicRegistrationContract} on the application running on PostgreSQL. */
class PostgresDynamicRegistrationIT extends DynamicRegistrationContract {

    @Override
    TestApp app() {
        return TestApps.postgres();
    }

    /** Read back from the database: a link's secret is nowhere in it, only its SHA-256. */
    @Test
    void aLinkIsStoredHashed() throws Exception {
        String url = Registrar.registrationLink(app());
        String secret = url.substring(url.indexOf("link=") + "link=".length());

        List<String> stored = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(TestApps.postgresDatabase(),
                TestApps.postgresServer().user(), TestApps.postgresServer().password());
                ResultSet rows = db.createStatement().executeQuery("select * from lti_registration_link")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    stored.add(String.valueOf(rows.getObject(column)));
                }
            }
        }

        assertThat(stored).noneMatch(value -> value.contains(secret));
        assertThat(stored).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8))));
    }
}
