package fr.competences.gradebook;

import fr.competences.it.Json;
import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.MoodleServices;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Gradebook sync benchmark, outside the test suite ({@code mvn -B -ntp -Pbench-gradebook verify}, see
 * docs/gradebook.md): a course of 35 students and 20 activities on the real jar; the teacher saves each activity's
 * grid (35 students, one request per activity, as the grid page does) and the platform answers every service call
 * after 50 ms. Prints the scores delivered per second, from the first save to the last score accepted, and the
 * number of token requests. With {@code -Dbench.columns=SKILL|BLOCK} the course also has competency columns: each
 * save recomputes the students' mastery, and the run ends once every cell of the status page is synced. With
 * {@code -Dbench.unavailable=0.5} half the score posts (at random) answer 503 ({@code -Dbench.retryAfter=N} adds
 * {@code Retry-After: N}): the figures then show how the sender slows down (peak of posts in flight, posts per second);
 * {@code -Dbench.seconds=60} ends the run then, delivered or not (the last scores wait out long backoffs).
 */
public final class GradebookBenchmark {

    private GradebookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = System.getProperty("bench.db", "h2");
        int students = Integer.getInteger("bench.students", 35);
        int activities = Integer.getInteger("bench.activities", 20);
        long latency = Long.getLong("bench.latency", 50);
        String columns = System.getProperty("bench.columns", "NONE");
        double unavailable = Double.parseDouble(System.getProperty("bench.unavailable", "0"));
        int retryAfter = Integer.getInteger("bench.retryAfter", 0);
        try (PostgresServer postgres = "postgres".equals(database) ? PostgresServer.start() : null;
                TestApp app = TestApp.start("bench-gradebook-" + database, environment(postgres));
                GradebookFlow flow = new GradebookFlow(app)) {
            MoodleServices moodle = flow.moodle;
            String course = "BENCH";
            Launch.User teacher = Launch.User.named("1", "Prof", "Bench");
            List<Long> ids = flow.activities(teacher, course,
                    IntStream.rangeClosed(1, activities).mapToObj(i -> "Activité " + i).toList());
            List<Launch.User> learners = IntStream.rangeClosed(1, students)
                    .mapToObj(i -> Launch.User.named(Integer.toString(1000 + i), "Élève" + i, "Bench")).toList();
            for (Launch.User learner : learners) {
                moodle.enrol(course, learner.id(), learner.name(), Launch.LEARNER, "Active");
                flow.open(flow.launch(learner, Launch.LEARNER, course, "L1", ids.getFirst()));
            }
            List<String> sessions = new ArrayList<>();
            for (int a = 0; a < activities; a++) {
                moodle.addActivityLineItem(course, "L" + (a + 1), "Activité " + (a + 1), new BigDecimal("20"));
                sessions.add(GradebookFlow.session(flow.open(flow.launch(teacher, Launch.INSTRUCTOR, course,
                        "L" + (a + 1), ids.get(a)))));
            }
            JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + ids.getFirst() + "/grid",
                    sessions.getFirst(), null).body());
            List<Long> userIds = learners.stream().map(l -> GradebookFlow.userId(grid, l.name())).toList();
            HttpResponse<String> chosen = flow.call("PUT", "/api/gradebook/columns", sessions.getFirst(),
                    "{\"mode\":\"" + columns + "\"}");
            if (chosen.statusCode() != 200) {
                throw new IllegalStateException(chosen.body());
            }
            int columnCount = "SKILL".equals(columns) ? 2 : "BLOCK".equals(columns) ? 1 : 0;
            GradebookFlow.await(Duration.ofMinutes(1), () -> moodle.columns(course, "competence").size() == columnCount);
            int tokensBefore = moodle.tokenRequests();
            moodle.latency(latency);
            moodle.unavailable(unavailable, retryAfter);
            moodle.scoresInFlightPeak();

            long start = System.nanoTime();
            for (int a = 0; a < activities; a++) {
                String rows = IntStream.range(0, students).mapToObj(s -> "{\"studentUserId\":" + userIds.get(s)
                        + ",\"version\":0,\"levels\":{\"B2.1\":" + (s % 4) + ",\"B2.2.1\":2}}")
                        .collect(Collectors.joining(","));
                HttpResponse<String> saved = flow.call("PUT", "/api/activities/" + ids.get(a) + "/grid",
                        sessions.get(a), "{\"rows\":[" + rows + "]}");
                if (saved.statusCode() != 200) {
                    throw new IllegalStateException(saved.body());
                }
            }
            long saved = System.nanoTime();
            int expected = students * activities;
            int cells = expected + students * columnCount;
            // with a failing platform the last scores wait out long backoffs: the figures then cover bench.seconds
            long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("bench.seconds", 600)).toNanos();
            while (!(accepted(moodle) >= expected && (columnCount == 0 || allSynced(flow, sessions.getFirst(), cells)))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double afterSaves = (System.nanoTime() - saved) / 1e9;
            int peak = moodle.scoresInFlightPeak();
            long posts = moodle.scores().size() + moodle.unavailableAnswers();
            long columnPosts = moodle.scores().stream().filter(score -> score.lineItemId().startsWith("c")).count();
            String line = String.format(java.util.Locale.ROOT, "gradebook %s students=%d activities=%d columns=%s "
                            + "latency=%dms unavailable=%.2f retryAfter=%ds scores=%d saves=%.1fs total=%.1fs "
                            + "afterLastSave=%.1fs scores/s=%.1f tokenRequests=%d scorePosts=%d answered503=%d "
                            + "posts/s=%.1f peakInFlight=%d columnPosts=%d",
                    database, students, activities, columns, latency, unavailable, retryAfter, accepted(moodle),
                    (saved - start) / 1e9, seconds, afterSaves, accepted(moodle) / seconds, moodle.tokenRequests() - tokensBefore,
                    posts, moodle.unavailableAnswers(), posts / seconds, peak, columnPosts);
            System.out.println("BENCH " + line);
            Files.writeString(Path.of("target", "bench-gradebook-" + database + "-" + columns.toLowerCase()
                            + (unavailable > 0 ? "-unavailable" : "") + ".txt"),
                    line + System.lineSeparator());
        }
    }

    /** Every cell of the teacher's status page synced: activity grades and competency columns. */
    private static boolean allSynced(GradebookFlow flow, String session, int cells) {
        var students = Json.object(flow.call("GET", "/api/gradebook/status", session, null).body())
                .getJsonArray("students").getValuesAs(JsonObject.class);
        return students.size() == cells && students.stream().allMatch(c -> "SYNCED".equals(c.getString("status")));
    }

    private static long accepted(MoodleServices moodle) {
        return moodle.scores().stream().filter(s -> s.status() == 200).count();
    }

    private static Map<String, String> environment(PostgresServer postgres) throws Exception {
        return postgres == null ? Map.of() : Map.of("DB_URL", postgres.createDatabase("bench"), "DB_USER",
                postgres.user(), "DB_PASSWORD", postgres.password());
    }
}
