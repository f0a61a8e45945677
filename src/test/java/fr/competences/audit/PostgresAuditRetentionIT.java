package fr.competences.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import fr.competences.lti.Registrar;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances sharing one PostgreSQL database, each looking every second whether the daily purge is due
 * ({@link TestApps#postgresDailyJobs()}): one of them runs it, once; purges asked of both at once remove each old line
 * once; the database refuses updates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAuditRetentionIT {

    PostgresServer postgres;
    TestApp first;
    TestApp second;

    @BeforeAll
    void start() throws Exception {
        postgres = TestApps.postgresServer();
        first = TestApps.postgresDailyJobs().getFirst();
        second = TestApps.postgresDailyJobs().getLast();
    }

    @Test
    void theDailyPurgeRunsOnceForAllTheInstancesSharingTheDatabase() throws InterruptedException {
        AuditFlow.await(() -> dailyPurges() == 1);
        Thread.sleep(4000); // both instances look again, several times
        assertThat(dailyPurges()).isEqualTo(1);
    }

    @Test
    void purgesAskedOfBothInstancesAtOnceRemoveOnlyTheLinesOlderThanTheRetentionOnce() throws Exception {
        try (Connection database = DriverManager.getConnection(first.environment("DB_URL"), postgres.user(),
                postgres.password())) {
            OldLines.insert(database, 800, "old 1");
            OldLines.insert(database, 400, "old 2");
            OldLines.insert(database, 366, "old 3");
            OldLines.insert(database, 364, "kept 1");
            OldLines.insert(database, 0, "kept 2");
            OldLines.updateIsRefused(database);
        }

        CompletableFuture<HttpResponse<String>> onFirst = CompletableFuture.supplyAsync(() ->
                Registrar.admin(first, "POST", "/api/admin/audit/purge", null));
        CompletableFuture<HttpResponse<String>> onSecond = CompletableFuture.supplyAsync(() ->
                Registrar.admin(second, "POST", "/api/admin/audit/purge", null));
        List<HttpResponse<String>> answers = List.of(onFirst.get(), onSecond.get());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(answers.stream().mapToLong(a -> Json.object(a.body()).getJsonNumber("removed").longValue()).sum())
                .isEqualTo(3);
        assertThat(lines(first, "course=" + OldLines.COURSE)).containsExactly("kept 2", "kept 1");
        assertThat(lines(second, "action=AUDIT_PURGED")).hasSizeGreaterThanOrEqualTo(3);
    }

    private long dailyPurges() {
        return Json.object(Registrar.admin(first, "GET", "/api/admin/audit?action=AUDIT_PURGED", null).body())
                .getJsonArray("lines").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(line -> line.getString("actor").equals("SYSTEM")).count();
    }

    private static List<String> lines(TestApp app, String query) {
        return Json.object(Registrar.admin(app, "GET", "/api/admin/audit?" + query, null).body()).getJsonArray("lines")
                .getValuesAs(jakarta.json.JsonObject.class).stream().map(line -> line.getString("target")).toList();
    }
}
