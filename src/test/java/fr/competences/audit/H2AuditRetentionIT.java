package fr.competences.audit;

import static fr.competences.audit.AuditFlow.ADA;
import static fr.competences.audit.AuditFlow.ALAN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import fr.competences.lti.platform.Launch;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit trail on the H2 application whose daily jobs look every second ({@link TestApps#h2DailyJobs()}, its data
 * directory is the test's to break and to open while the application is stopped): a change that rolls back after its
 * line was written leaves no line; lines survive a restart; the database refuses to update a line; the purge removes
 * only the lines older than the retention.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class H2AuditRetentionIT {

    TestApp app;
    AuditFlow flow;
    long activity;

    @BeforeAll
    void start() {
        app = TestApps.h2DailyJobs();
        flow = new AuditFlow(app);
    }

    @AfterAll
    void close() {
        if (flow != null) {
            flow.close();
        }
    }

    @Test
    @Order(1)
    void anUploadThatFailsAfterItsLineWasWrittenLeavesNoLine() throws Exception {
        activity = flow.activity(ADA, "R1", "TP rétention");
        String alan = flow.sessionOf(flow.launch(ALAN, Launch.LEARNER, "R1", "L1", activity));
        Path evidence = app.dataDir().resolve("evidence");
        Path others = evidence.resolveSibling("evidence-of-other-tests"); // the retention tests share the application
        if (Files.exists(evidence)) {
            Files.move(evidence, others);
        }
        Files.writeString(evidence, "a file where the evidence directory should be: writing any evidence fails");
        try {
            int failed = flow.upload(activity, alan, "rapport.pdf", "%PDF-1.4 a".getBytes()).statusCode();
            assertThat(failed).as("the row and its audit line were flushed, then the file could not be written")
                    .isEqualTo(500);
        } finally {
            Files.delete(evidence);
            if (Files.exists(others)) {
                Files.move(others, evidence);
            }
        }
        assertThat(evidenceAdded()).isEmpty();
        assertThat(Json.array(flow.call("GET", "/api/activities/" + activity + "/evidence", alan, null).body())).isEmpty();

        assertThat(flow.upload(activity, alan, "rapport.pdf", "%PDF-1.4 a".getBytes()).statusCode()).isEqualTo(201);
        assertThat(evidenceAdded()).hasSize(1);
    }

    @Test
    @Order(2)
    void linesSurviveARestartAndThePurgeRemovesOnlyThoseOlderThanTheRetention() throws Exception {
        app.stop();
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + app.dataDir().resolve("competences"), "sa",
                "sa")) {
            OldLines.insert(h2, 400, "old 1");
            OldLines.insert(h2, 366, "old 2");
            OldLines.insert(h2, 364, "kept 1");
            OldLines.insert(h2, 2, "kept 2");
            OldLines.updateIsRefused(h2);
        }
        app.startAgain();
        assertThat(evidenceAdded()).as("kept across the restart").hasSize(1);

        Instant before = Instant.now();
        JsonObject purge = Json.object(flow.admin("POST", "/api/admin/audit/purge").body());
        Instant after = Instant.now();

        assertThat(purge.getString("retention")).isEqualTo("P1Y");
        Instant cutoff = Instant.parse(purge.getString("cutoff"));
        assertThat(cutoff).isBetween(before.atZone(java.time.ZoneOffset.UTC).minusYears(1).toInstant(),
                after.atZone(java.time.ZoneOffset.UTC).minusYears(1).toInstant());
        assertThat(flow.adminLines("course=" + OldLines.COURSE)).extracting(l -> l.getString("target"))
                .containsExactly("kept 2", "kept 1");
        assertThat(flow.adminLines("action=AUDIT_PURGED")).extracting(l -> l.getString("actor"))
                .contains("ADMIN", "SYSTEM");
        List<JsonObject> all = flow.adminLines("size=500");
        assertThat(all).allSatisfy(line -> assertThat(Instant.parse(line.getString("at"))).isAfterOrEqualTo(cutoff));
        assertThat(cutoff).isBefore(Instant.now().minus(364, ChronoUnit.DAYS));
    }

    private List<JsonObject> evidenceAdded() {
        return flow.adminLines("action=EVIDENCE_ADDED&activity=" + activity);
    }
}
