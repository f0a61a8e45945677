package fr.competences.privacy;

import static fr.competences.privacy.PrivacyFlow.ok;
import static fr.competences.privacy.PrivacyFlow.person;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.gradebook.GradebookFlow;
import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import fr.competences.lti.platform.Launch;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The retention over real HTTP, on an application started with {@code RETENTION_AFTER_COURSE_END=P3Y}: a course
 * whose launches are dated four years back (the test writes the dates in the database, the only way to make time
 * pass) is listed by the dry run, which erases nothing; the run erases it with its evidence and the users it leaves
 * with no course, and keeps the course launched since. The daily run happened once, when the application started.
 * The applications are shared with the audit purge tests ({@link TestApps}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RetentionContract {

    static final Duration WITHIN = Duration.ofSeconds(60);
    static final String RETENTION = "/api/admin/privacy/retention";

    PrivacyFlow flow;

    /** The application the launches go to, with a retention of three years checked every second (shared). */
    abstract TestApp launched();

    /** The application that answers the administrator (another instance on the same database, when there is one). */
    abstract TestApp administered();

    /** Dates every launch of the course back to {@code when}, in the database. */
    abstract void lastLaunched(String contextId, OffsetDateTime when) throws Exception;

    @BeforeAll
    void startWithARetention() {
        flow = new PrivacyFlow(launched());
        // the first daily run, right after the start, with nothing to erase yet
        GradebookFlow.await(WITHIN, () -> !retention().getJsonArray("lastRuns").isEmpty());
    }

    @AfterAll
    void close() {
        flow.close();
    }

    @Test
    void aCourseNotLaunchedForTheRetentionIsListedThenErasedWithTheUsersItLeavesAlone() throws Exception {
        Launch.User ada = person("Ada", "Lovelace");
        Launch.User edsger = person("Edsger", "Dijkstra");
        Launch.User alan = person("Alan", "Turing");
        Launch.User grace = person("Grace", "Hopper");
        PrivacyFlow.Course old = flow.course(ada, alan, grace);
        PrivacyFlow.Course recent = flow.course(edsger, grace);
        long alanId = flow.userId(old, alan);
        long graceId = flow.userId(old, grace);
        flow.handInFile(old, alan, "rapport.pdf", PrivacyContract.PDF);
        flow.position(old, alanId, 0, "{\"B2.1\":2}", "Ancien");
        flow.position(old, graceId, 0, "{\"B2.1\":1}", null);
        flow.position(recent, graceId, 0, "{\"B2.1\":3}", null);
        Path alanFile = storedFile(flow.export(old.session(alan), ""));
        lastLaunched(old.id(), OffsetDateTime.now(ZoneOffset.UTC).minusYears(4));

        JsonObject dryRun = retention();

        assertThat(dryRun.getString("retention")).isEqualTo("P3Y");
        assertThat(dryRun.getString("retentionDescription")).isEqualTo("3 ans");
        assertThat(dryRun.getJsonArray("expiredCourses").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("contextId")).containsExactly(old.id());
        JsonObject listed = dryRun.getJsonArray("expiredCourses").getJsonObject(0);
        assertThat(listed.getInt("members")).isEqualTo(3);
        assertThat(listed.getInt("activities")).isEqualTo(1);
        assertThat(listed.getInt("evidenceFiles")).isEqualTo(1);
        assertThat(dryRun.getInt("usersLeftWithoutCourse")).as("Ada and Alan; Grace has another course").isEqualTo(2);
        // the dry run erased nothing (read as the administrator: a teacher's launch would make the course recent)
        JsonObject alanBefore = Json.object(ok(admin("GET", "/api/admin/privacy/platforms/" + flow.platformId()
                + "/users/" + alan.id()))).getJsonObject("tables");
        assertThat(PrivacyContract.rows(alanBefore, "assessment_sheet")).hasSize(1);
        assertThat(alanFile).exists();

        JsonObject report = Json.object(ok(admin("POST", RETENTION + "/run")));

        assertThat(report.getJsonArray("courses").getValuesAs(JsonObject.class)).singleElement().satisfies(course -> {
            assertThat(course.getString("contextId")).isEqualTo(old.id());
            JsonObject erased = course.getJsonObject("erased");
            assertThat(erased.getInt("evidence")).isEqualTo(1);
            assertThat(erased.getInt("assessment_position")).isEqualTo(2);
            assertThat(erased.getInt("lti_course_member")).isEqualTo(3);
            assertThat(erased.getInt("assessment_activity")).isEqualTo(1);
            assertThat(erased.getInt("lti_course")).isEqualTo(1);
        });
        assertThat(report.getInt("usersErased")).isEqualTo(2);
        assertThat(report.getInt("evidenceFiles")).isEqualTo(1);
        assertThat(report.getBoolean("complete")).isTrue();

        // read back from fresh requests
        JsonObject after = retention();
        assertThat(after.getJsonArray("expiredCourses")).isEmpty();
        JsonObject lastRun = after.getJsonArray("lastRuns").getJsonObject(0);
        assertThat(lastRun.getString("startedBy")).isEqualTo("ADMIN");
        assertThat(lastRun.getInt("courses")).isEqualTo(1);
        assertThat(lastRun.getInt("users")).isEqualTo(2);
        assertThat(alanFile).doesNotExist();
        long platform = flow.platformId();
        for (Launch.User gone : List.of(ada, alan)) {
            assertThat(admin("GET", "/api/admin/privacy/platforms/" + platform + "/users/" + gone.id()).statusCode())
                    .isEqualTo(404);
        }
        JsonObject graceData = Json.object(ok(admin("GET", "/api/admin/privacy/platforms/" + platform + "/users/"
                + grace.id())));
        JsonObject tables = graceData.getJsonObject("tables");
        assertThat(PrivacyContract.rows(tables, "lti_course_member")).hasSize(1);
        assertThat(PrivacyContract.positions(tables, recent.activity())).containsEntry("B2.1", 3);
        assertThat(PrivacyContract.rows(tables, "assessment_sheet")).hasSize(1);
        String teacher = GradebookFlow.session(flow.open(edsger, Launch.INSTRUCTOR, recent)); // a fresh session
        JsonObject grid = Json.object(ok(flow.call("GET", "/api/activities/" + recent.activity() + "/grid", teacher,
                null)));
        assertThat(PrivacyContract.gridRow(grid, graceId).getJsonObject("levels").getInt("B2.1")).isEqualTo(3);
        assertThat(ok(admin("GET", "/api/admin/audit?action=COURSE_ERASED"))).contains("retention P3Y");
        assertThat(administered().get("/privacy", "Accept", "text/html").body())
                .contains("depuis <strong>3 ans</strong>");
        // the daily run ran once, when the application started, however often the instances looked
        assertThat(after.getJsonArray("lastRuns").getValuesAs(JsonObject.class))
                .filteredOn(run -> run.getString("startedBy").equals("SCHEDULE")).hasSize(1);
        assertThat(after.getString("nextRunAt")).isNotBlank();
    }

    JsonObject retention() {
        return Json.object(ok(admin("GET", RETENTION)));
    }

    HttpResponse<String> admin(String method, String path) {
        return administered().send(HttpRequest.newBuilder(administered().uri(path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private Path storedFile(PrivacyFlow.Zip zip) {
        JsonObject file = PrivacyContract.rows(zip.data().getJsonObject("tables"), "evidence").getFirst();
        return flow.app.dataDir().resolve("evidence").resolve(file.getString("storage_name"));
    }
}
