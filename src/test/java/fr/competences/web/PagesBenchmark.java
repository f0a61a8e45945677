package fr.competences.web;

import fr.competences.gradebook.GradebookFlow;
import fr.competences.it.Json;
import fr.competences.it.PostgresServer;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Launch;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Teacher pages benchmark, outside the test suite ({@code mvn -B -ntp -Pbench-pages verify}, docs/performance.md):
 * a course of {@code bench.students} (300) students and {@code bench.activities} (40) activities assessing the 63
 * savoir-faire of the BTS SIO référentiel (five each, in turn), every student positioned on every activity; then
 * each teacher page and API is read {@code bench.reads} (50) times after as many warm-up reads, and the server's own
 * figures ({@code Server-Timing}: time in the application, in SQL, statements) are printed: median and p95.
 */
public final class PagesBenchmark {

    static final Pattern TIMING = Pattern.compile("app;dur=([0-9.]+), db;dur=([0-9.]+);desc=\"(\\d+) SQL\"");
    static final int SKILLS_PER_ACTIVITY = 5;

    private PagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = System.getProperty("bench.db", "h2");
        int students = Integer.getInteger("bench.students", 300);
        int activities = Integer.getInteger("bench.activities", 40);
        int reads = Integer.getInteger("bench.reads", 50);
        List<String> skills = savoirFaire();
        try (PostgresServer postgres = "postgres".equals(database) ? PostgresServer.start() : null;
                TestApp app = TestApp.start("bench-pages-" + database, environment(postgres));
                GradebookFlow flow = new GradebookFlow(app)) {
            String course = "PAGES";
            Launch.User teacher = Launch.User.named("1", "Prof", "Pages");
            List<Long> ids = new ArrayList<>();
            List<List<String>> assessed = new ArrayList<>();
            for (int a = 0; a < activities; a++) {
                int first = a * SKILLS_PER_ACTIVITY;
                assessed.add(IntStream.range(first, first + SKILLS_PER_ACTIVITY)
                        .mapToObj(i -> skills.get(i % skills.size())).toList());
            }
            for (int from = 0; from < activities; from += 10) {
                ids.addAll(create(flow, teacher, course, assessed.subList(from, Math.min(activities, from + 10)), from));
            }
            long started = System.nanoTime();
            for (int s = 1; s <= students; s++) {
                Launch.User learner = Launch.User.named(Integer.toString(10_000 + s), "Élève" + s, "Nom" + s);
                flow.moodle.enrol(course, learner.id(), learner.name(), Launch.LEARNER, "Active");
                flow.open(flow.launch(learner, Launch.LEARNER, course, "L1", ids.getFirst()));
            }
            System.out.printf("%d students launched in %.1f s%n", students, (System.nanoTime() - started) / 1e9);
            String session = GradebookFlow.session(flow.open(flow.launch(teacher, Launch.INSTRUCTOR, course, "L1",
                    ids.getFirst())));
            started = System.nanoTime();
            for (int a = 0; a < activities; a++) {
                position(flow, session, ids.get(a), assessed.get(a), a);
            }
            System.out.printf("%d grids of %d students saved in %.1f s%n", activities, students,
                    (System.nanoTime() - started) / 1e9);
            List<String> lines = new ArrayList<>();
            for (String path : List.of("/course/progress/overview", "/api/progress/course", "/course/gradebook",
                    "/api/gradebook/status", "/course/overview", "/activity/" + ids.getFirst(),
                    "/api/activities/" + ids.getFirst() + "/grid")) {
                session = GradebookFlow.session(flow.open(flow.launch(teacher, Launch.INSTRUCTOR, course, "L1",
                        ids.getFirst()))); // a fresh session per page: URL sessions last 10 minutes
                lines.add(measure(app, path, session, reads, database, students, activities));
                System.out.println("BENCH " + lines.getLast());
            }
            Files.writeString(Path.of("target", "bench-pages-" + database + "-" + students + ".txt"),
                    String.join(System.lineSeparator(), lines) + System.lineSeparator());
        }
    }

    /** The savoir-faire codes of the BTS SIO référentiel the application loads (B1.1.1 … B3.x.y). */
    static List<String> savoirFaire() throws Exception {
        try (InputStream in = PagesBenchmark.class.getResourceAsStream("/referentiels/bts-sio-2019-slam.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher code = Pattern.compile("\"code\"\\s*:\\s*\"(B\\d\\.\\d+\\.\\d+)\"").matcher(json);
            TreeSet<String> codes = new TreeSet<>();
            while (code.find()) {
                codes.add(code.group(1));
            }
            return List.copyOf(codes);
        }
    }

    static List<Long> create(GradebookFlow flow, Launch.User teacher, String course, List<List<String>> assessed,
            int offset) {
        String session = GradebookFlow.session(flow.open(flow.launch(teacher, Launch.INSTRUCTOR, course, null, null)
                .deepLinking()));
        String activities = IntStream.range(0, assessed.size()).mapToObj(i -> "{\"title\":\"Activité " + (offset + i + 1)
                + "\",\"skills\":[" + assessed.get(i).stream().map(code -> "{\"code\":\"" + code + "\"}")
                .collect(Collectors.joining(",")) + "]}").collect(Collectors.joining(","));
        HttpResponse<String> created = flow.call("POST", "/api/deep-linking", session,
                "{\"activities\":[" + activities + "]}");
        if (created.statusCode() != 200) {
            throw new IllegalStateException(created.body());
        }
        return Json.object(created.body()).getJsonArray("activities").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getJsonNumber("id").longValue()).toList();
    }

    static void position(GradebookFlow flow, String session, long activity, List<String> skills, int seed) {
        JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", session, null).body());
        List<JsonObject> rows = grid.getJsonArray("rows").getValuesAs(JsonObject.class);
        String body = IntStream.range(0, rows.size()).mapToObj(r -> "{\"studentUserId\":"
                + rows.get(r).getJsonNumber("studentUserId") + ",\"version\":" + rows.get(r).getInt("version", 0)
                + ",\"levels\":{" + IntStream.range(0, skills.size()).mapToObj(k -> "\"" + skills.get(k) + "\":"
                + (r + k + seed) % 4).collect(Collectors.joining(",")) + "}}").collect(Collectors.joining(","));
        HttpResponse<String> saved = flow.call("PUT", "/api/activities/" + activity + "/grid", session,
                "{\"rows\":[" + body + "]}");
        if (saved.statusCode() != 200) {
            throw new IllegalStateException(saved.body());
        }
    }

    static String measure(TestApp app, String path, String session, int reads, String database, int students,
            int activities) {
        List<double[]> figures = new ArrayList<>();
        for (int i = 0; i < 2 * reads; i++) {
            HttpResponse<String> answer = app.get(path + "?lti_session=" + session, "X-Lti-Session", session);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " " + answer.statusCode() + " " + answer.body());
            }
            Matcher timing = TIMING.matcher(answer.headers().firstValue("Server-Timing").orElse(""));
            if (!timing.find()) {
                throw new IllegalStateException(path + ": no Server-Timing (SERVER_TIMING=true?)");
            }
            if (i >= reads) {
                figures.add(new double[] {Double.parseDouble(timing.group(1)), Double.parseDouble(timing.group(2)),
                        Integer.parseInt(timing.group(3)), answer.body().length()});
            }
        }
        return String.format(Locale.ROOT, "pages %s students=%d activities=%d path=%s app.median=%.1fms app.p95=%.1fms "
                        + "db.median=%.1fms sql=%d bytes=%d", database, students, activities, path, percentile(figures, 0, 50),
                percentile(figures, 0, 95), percentile(figures, 1, 50), (int) figures.getFirst()[2],
                (int) figures.getFirst()[3]);
    }

    static double percentile(List<double[]> figures, int column, int percent) {
        double[] sorted = figures.stream().mapToDouble(f -> f[column]).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    static Map<String, String> environment(PostgresServer postgres) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("SERVER_TIMING", "true"));
        if (postgres != null) {
            environment.putAll(Map.of("DB_URL", postgres.createDatabase("bench"), "DB_USER", postgres.user(),
                    "DB_PASSWORD", postgres.password()));
        }
        return environment;
    }
}
