package fr.competences.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.MoodleServices;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14, on the real jar: a teacher saves a grid again and again and the process is killed (SIGKILL) at a random
 * moment 0–1 s after a save was acknowledged (while saves go on, or after the last one), then started again on the
 * same data, round after round. Every acknowledged save
 * must be there after the restart (the save in flight at the kill may or may not be); at the end every student's
 * final grade has landed on the platform once with its final value (a score in flight at a kill may be posted again:
 * the platform refuses it as not newer, 409, which is counted), and the gradebook API and page agree with the
 * platform. {@code -Dcrash.rounds} (default 4) sets the number of kills; {@code -Dcrash.seed} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrashContract {

    static final Launch.User ADA = Launch.User.named("401", "Ada", "Lovelace");
    static final int STUDENTS = 6;
    static final List<String> SKILLS = List.of("B2.1", "B2.2.1");
    static final Map<String, Integer> WEIGHTS = Map.of("B2.1", 1, "B2.2.1", 2); // as GradebookFlow.activities makes them

    /** A student's row as the teacher last saw it. */
    record Row(Map<String, Integer> levels, String comment, int version) {
    }

    GradebookFlow flow;
    MoodleServices moodle;
    String course;
    long activity;
    String lineItem;
    String teacher;
    final Map<Long, String> subjects = new LinkedHashMap<>();
    final long seed = Long.getLong("crash.seed", System.nanoTime());
    final Random random = new Random(seed);

    abstract TestApp app();

    @BeforeAll
    void courseWithStudents() {
        flow = new GradebookFlow(app());
        moodle = flow.moodle;
        course = "X" + UUID.randomUUID().toString().substring(0, 8);
        activity = flow.activities(ADA, course, List.of("TP sous tension")).getFirst();
        lineItem = moodle.addActivityLineItem(course, "L1", "TP sous tension", new BigDecimal("20"));
        for (int i = 1; i <= STUDENTS; i++) {
            Launch.User student = Launch.User.named(Integer.toString(410 + i), "Élève" + i, "Nom" + i);
            moodle.enrol(course, student.id(), student.name(), Launch.LEARNER, "Active");
            flow.open(flow.launch(student, Launch.LEARNER, course, "L1", activity));
        }
        teacher = teacherSession();
        JsonObject grid = grid();
        for (int i = 1; i <= STUDENTS; i++) {
            subjects.put(GradebookFlow.userId(grid, "Élève" + i + " Nom" + i), Integer.toString(410 + i));
        }
    }

    @AfterAll
    void stopPlatform() {
        flow.close();
    }

    @Test
    void everyAcknowledgedSaveSurvivesAKillAndEveryGradeLandsOnceWithItsFinalValue() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 4);
        Map<Long, Row> known = rows(grid());
        List<String> report = new ArrayList<>();
        int acknowledged = 0;
        moodle.latency(20); // scores in flight when the process dies
        try {
            for (int round = 1; round <= rounds; round++) {
                // odd rounds kill while saves keep coming (one may be in flight), even ones after the last save
                int target = 3 + random.nextInt(6);
                boolean whileSaving = round % 2 == 1;
                Saver saver = new Saver(known, whileSaving ? Integer.MAX_VALUE : target);
                Thread saving = new Thread(saver, "crash-saver");
                saving.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (saver.acknowledged.get() < target && saving.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                long delay = random.nextInt(1000);
                Thread.sleep(delay);
                app().kill();
                saving.join(30_000);
                assertThat(saver.refused).as("a save refused while the process was running").isNull();
                app().startAgain();
                teacher = teacherSession(); // URL sessions last 10 minutes; the rounds may take longer
                Map<Long, Row> after = rows(grid());
                for (long student : subjects.keySet()) {
                    Row acked = saver.acked.get(student);
                    Row inFlight = saver.inFlight.get(student);
                    Row found = after.get(student);
                    assertThat(same(found, acked) || inFlight != null && same(found, inFlight))
                            .as("round %d (kill %d ms after the %d-th acknowledged save, seed %d), student %d: "
                                    + "acknowledged %s, in flight %s, found after restart %s", round, delay,
                                    saver.acknowledged.get(), seed, student, acked, inFlight, found)
                            .isTrue();
                }
                acknowledged += saver.acknowledged.get();
                report.add(saver.acknowledged.get() + " saves, kill +" + delay + " ms" + (whileSaving ? " while saving" : ""));
                known = after;
            }
        } finally {
            moodle.latency(0);
        }
        Map<Long, Row> last = known;

        // A score in flight at the last kill was leased by the dead process: the restarted one, on the same host and
        // port, takes it back at once rather than after gradebook.sync.lease (2 min).
        GradebookFlow.await(Duration.ofSeconds(90), () -> {
            Map<Long, JsonObject> now = cells();
            return now.values().stream().allMatch(c -> c.getString("status").equals("SYNCED"))
                    && last.entrySet().stream().filter(e -> grade(e.getValue()) != null)
                            .allMatch(e -> now.containsKey(e.getKey()));
        });
        Map<Long, JsonObject> cells = cells();
        List<MoodleServices.ReceivedScore> posted = moodle.scores().stream().filter(s -> s.lineItemId().equals("L1"))
                .toList();
        int repeats = 0;
        for (var student : subjects.entrySet()) {
            BigDecimal expected = grade(last.get(student.getKey()));
            MoodleServices.Grade onPlatform = moodle.grade(lineItem, student.getValue());
            BigDecimal platformGrade = onPlatform == null ? null : onPlatform.finalGrade();
            assertThat(platformGrade == null ? null : platformGrade.setScale(2, RoundingMode.HALF_UP))
                    .as("student %s: the platform holds the final grade", student.getValue()).isEqualTo(expected);
            if (expected != null && last.get(student.getKey()).comment() != null) {
                assertThat(onPlatform.feedback()).endsWith("\n\n" + last.get(student.getKey()).comment());
            }
            JsonObject cell = cells.get(student.getKey());
            if (cell != null) {
                assertThat(cell.getString("status")).isEqualTo("SYNCED");
                assertThat(cell.containsKey("scoreGiven") ? cell.getJsonNumber("scoreGiven").bigDecimalValue()
                        .setScale(2, RoundingMode.HALF_UP) : null).as("the tool shows what the platform holds")
                        .isEqualTo(expected);
            } else {
                assertThat(expected).as("no cell: nothing was ever assessed").isNull();
            }
            List<MoodleServices.ReceivedScore> mine = posted.stream()
                    .filter(s -> s.body().getString("userId").equals(student.getValue())).toList();
            List<String> landed = mine.stream().filter(s -> s.status() == 200)
                    .map(s -> s.body().getString("timestamp")).toList();
            assertThat(landed).as("each score lands once").doesNotHaveDuplicates();
            for (MoodleServices.ReceivedScore refused : mine.stream().filter(s -> s.status() != 200).toList()) {
                assertThat(refused.status()).isEqualTo(409);
                assertThat(landed).as("a refused score is a repeat of one that landed, never a lost one")
                        .contains(refused.body().getString("timestamp"));
                repeats++;
            }
        }
        HttpResponse<String> page = flow.app.get("/course/gradebook?lti_session=" + teacher + "&compareActivity="
                + activity, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        long graded = last.values().stream().filter(row -> grade(row) != null).count();
        assertThat(page.body()).as("the page compares the tool's grades with the platform's")
                .doesNotContain("Différente", "Absente du carnet");
        assertThat(page.body().split("<td>Identique</td>", -1).length - 1).isEqualTo((int) graded);
        System.out.printf("Crash test (%s, seed %d): %d rounds, %d saves acknowledged, %d scores accepted, %d repeats "
                + "refused as not newer (409) — %s%n", getClass().getSimpleName(), seed, rounds, acknowledged,
                posted.stream().filter(s -> s.status() == 200).count(), repeats, String.join("; ", report));
    }

    /** Saves random changes of one to three students, one save after another, until the process dies. */
    final class Saver implements Runnable {

        final Map<Long, Row> acked;
        final Map<Long, Row> inFlight = new HashMap<>();
        final AtomicInteger acknowledged = new AtomicInteger();
        final int saves;
        volatile String refused;

        Saver(Map<Long, Row> known, int saves) {
            this.acked = new HashMap<>(known);
            this.saves = saves;
        }

        @Override
        public void run() {
            List<Long> students = new ArrayList<>(subjects.keySet());
            while (acknowledged.get() < saves) {
                java.util.Collections.shuffle(students, random);
                Map<Long, Row> wanted = new LinkedHashMap<>();
                for (long student : students.subList(0, 1 + random.nextInt(3))) {
                    Row before = acked.get(student);
                    Map<String, Integer> levels = new HashMap<>(before.levels());
                    for (String skill : SKILLS) {
                        int pick = random.nextInt(5);
                        levels.put(skill, pick == 4 ? null : pick);
                    }
                    levels.values().removeIf(Objects::isNull);
                    String comment = random.nextInt(3) == 0 ? "Commentaire " + random.nextInt(1000) : before.comment();
                    wanted.put(student, new Row(levels, comment, before.version()));
                }
                synchronized (this) {
                    inFlight.clear();
                    inFlight.putAll(wanted);
                }
                HttpResponse<String> saved;
                try {
                    saved = flow.call("PUT", "/api/activities/" + activity + "/grid", teacher, body(wanted));
                } catch (UncheckedIOException | IllegalStateException killed) {
                    return; // the process died: this save may or may not have been committed
                }
                if (saved.statusCode() != 200) {
                    refused = saved.statusCode() + " " + saved.body();
                    return;
                }
                for (JsonObject row : Json.object(saved.body()).getJsonArray("rows").getValuesAs(JsonObject.class)) {
                    long student = row.getJsonNumber("studentUserId").longValue();
                    Row want = wanted.get(student);
                    acked.put(student, new Row(want.levels(), want.comment(), row.getInt("version")));
                }
                synchronized (this) {
                    inFlight.clear();
                }
                acknowledged.incrementAndGet();
            }
        }

        private String body(Map<Long, Row> wanted) {
            return wanted.entrySet().stream().map(e -> {
                Map<String, Integer> levels = e.getValue().levels();
                String cells = SKILLS.stream().map(skill -> "\"" + skill + "\":" + levels.get(skill))
                        .collect(Collectors.joining(","));
                String comment = e.getValue().comment() == null ? "" : e.getValue().comment();
                return "{\"studentUserId\":" + e.getKey() + ",\"version\":" + e.getValue().version() + ",\"levels\":{"
                        + cells + "},\"comment\":\"" + comment + "\"}";
            }).collect(Collectors.joining(",", "{\"rows\":[", "]}"));
        }
    }

    /** The course's default rule (weighted mean) on the default scale, out of 20; null when nothing is assessed. */
    static BigDecimal grade(Row row) {
        int points = 0;
        int weights = 0;
        for (var level : row.levels().entrySet()) {
            points += WEIGHTS.get(level.getKey()) * level.getValue();
            weights += WEIGHTS.get(level.getKey());
        }
        return weights == 0 ? null : BigDecimal.valueOf(points * 20L).divide(BigDecimal.valueOf(weights * 3L), 2,
                RoundingMode.HALF_UP);
    }

    static boolean same(Row found, Row expected) {
        return expected != null && found != null && found.levels().equals(expected.levels())
                && Objects.equals(found.comment(), expected.comment());
    }

    String teacherSession() {
        return GradebookFlow.session(flow.open(flow.launch(ADA, Launch.INSTRUCTOR, course, "L1", activity)));
    }

    JsonObject grid() {
        HttpResponse<String> grid = flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null);
        assertThat(grid.statusCode()).as(grid.body()).isEqualTo(200);
        return Json.object(grid.body());
    }

    Map<Long, Row> rows(JsonObject grid) {
        Map<Long, Row> rows = new HashMap<>();
        for (JsonObject row : grid.getJsonArray("rows").getValuesAs(JsonObject.class)) {
            Map<String, Integer> levels = new HashMap<>();
            row.getJsonObject("levels").forEach((code, level) -> levels.put(code, ((jakarta.json.JsonNumber) level).intValue()));
            String comment = row.containsKey("comment") && !row.isNull("comment") ? row.getString("comment") : null;
            rows.put(row.getJsonNumber("studentUserId").longValue(), new Row(levels, comment, row.getInt("version")));
        }
        return rows;
    }

    Map<Long, JsonObject> cells() {
        return Json.object(flow.call("GET", "/api/gradebook/status", teacher, null).body()).getJsonArray("students")
                .getValuesAs(JsonObject.class).stream()
                .filter(c -> c.containsKey("activityId") && !c.isNull("activityId")
                        && c.getJsonNumber("activityId").longValue() == activity)
                .collect(Collectors.toMap(c -> c.getJsonNumber("userId").longValue(), c -> c));
    }
}
