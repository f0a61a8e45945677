package fr.competences.input;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.TestPlatform;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Whatever a client sends, the answer is a 4xx problem (RFC 9457, in the caller's language), never a 5xx nor the
 * server's default error page: first the reproductions of issue 9, then every operation {@code /openapi} lists,
 * called with malformed bodies, parameters and headers by a caller it accepts (so a new endpoint is covered
 * without anyone remembering it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MalformedInputContract {

    static final String ADMIN = "Bearer " + TestApp.ADMIN_TOKEN;
    /** JSON first (so refusals are problem details), anything else after it (so pages' endpoints are reached). */
    static final String ACCEPT = "application/json, */*;q=0.1";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    Fixture fixture;
    long evidenceId;
    long platformId;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    abstract TestApp app();

    @BeforeAll
    void createCourse() {
        fixture = new Fixture(app());
        HttpResponse<String> uploaded = fixture.upload("notes.txt", "Mes notes".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        evidenceId = Json.object(uploaded.body()).getJsonNumber("id").longValue();
        platformId = Json.array(Registrar.admin(app(), "GET", "/api/admin/lti/platforms", null).body())
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("issuer").equals(fixture.platform.issuer())).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    @AfterAll
    void stopPlatform() {
        fixture.close();
    }

    @Test
    void rawJsonBodiesThatAreNotObjectsAreProblems() {
        List<String> failures = new ArrayList<>();
        for (String body : List.of("{", "null", "[]", "123")) {
            for (String[] call : List.of(new String[] {"PUT", "/api/gradebook/rule", fixture.teacherSession},
                    new String[] {"PUT", "/api/gradebook/columns", fixture.teacherSession},
                    new String[] {"POST", "/api/admin/lti/platforms", null},
                    new String[] {"PUT", "/api/admin/lti/platforms/" + platformId, null})) {
                Map<String, String> headers = credentials(call[2]);
                headers.put("Accept-Language", "en");
                check(call[0], call[1], headers, MalformedRequests.Body.of(body, MalformedRequests.JSON, body), true)
                        .ifPresent(failures::add);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void unknownRoutesMethodsAndMediaTypesArePagesOfTheApplicationInTheUsersLanguage() {
        Map<String, String> english = new LinkedHashMap<>(Map.of("Accept-Language", "en"));
        assertProblem("GET", "/nulle-part", english, null, 404, "Not found");
        assertProblem("DELETE", "/", english, null, 405, "Method not allowed");
        Map<String, String> admin = new LinkedHashMap<>(Map.of("Authorization", ADMIN, "Accept-Language", "en"));
        assertProblem("POST", "/api/admin/lti/platforms", admin,
                MalformedRequests.Body.of("xml", "application/xml", "<a/>"), 415, "Unsupported media type");
        assertProblem("GET", "/WEB-INF/web.xml", new LinkedHashMap<>(), null, 404, "Page introuvable");
        assertProblem("GET", "/META-INF/MANIFEST.MF", english, null, 404, "Not found");
        Map<String, String> garbage = new LinkedHashMap<>(Map.of("Authorization", ADMIN, "Accept-Language", "en"));
        assertProblem("POST", "/api/admin/lti/platforms", garbage,
                MalformedRequests.Body.of("garbage", "garbage", "{}"), 400, null);
        assertProblem("GET", "/nulle-part", new LinkedHashMap<>(Map.of("Accept-Language", ";;;===")), null, 404,
                "Page introuvable");
        assertProblem("GET", "/api/referentiels", new LinkedHashMap<>(Map.of("Accept", "application/json;q=abc",
                "Accept-Language", "en")), null, 400, "Bad request");
        HttpResponse<String> page = send("GET", "/activity/1", new LinkedHashMap<>(Map.of("Accept", "text/html;q=abc")),
                null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"fr\"", "Requête incorrecte").doesNotContain("Payara");
    }

    @Test
    void evidenceFileNamesWithoutAnyNameAreRefused() {
        HttpResponse<String> nul = fixture.upload("\u0000", "texte".getBytes(StandardCharsets.UTF_8),
                "Accept-Language", "en");
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(problem(nul)).as(nul.body()).isEmpty();
        assertThat(Json.object(nul.body()).getString("detail")).contains("NUL");
        for (String name : List.of("/", "\\", "..", "\u202e", " / ", "a/\u0085")) {
            HttpResponse<String> answer = fixture.upload(name, "texte".getBytes(StandardCharsets.UTF_8),
                    "Accept-Language", "en");
            assertThat(answer.statusCode()).as(name + " " + answer.body()).isEqualTo(422);
            assertThat(problem(answer)).as(answer.body()).isEmpty();
            assertThat(Json.object(answer.body()).getString("detail")).contains("name");
        }
    }

    @Test
    void aLoginOrLaunchPostedWithoutBodyIsRefusedWithAProblem() {
        int port = app().uri("/").getPort();
        for (String path : List.of("/lti/login", "/lti/launch")) {
            // no Content-Type, no Content-Length: what the JDK's client never sends
            RawHttp.Answer answer = RawHttp.send(port, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: " + ACCEPT + "\r\nAccept-Language: en\r\nConnection: close");
            assertThat(answer.status()).as(path + " " + answer.body()).isBetween(400, 499);
            assertThat(answer.headers().get("content-type")).as(path + " " + answer.body())
                    .startsWith("application/problem+json");
            assertThat(Json.object(answer.body()).getInt("status")).isEqualTo(answer.status());
        }
    }

    @Test
    void aRegistrationTokenWithALineBreakIsRefused() {
        try (TestPlatform other = TestPlatform.start()) {
            String url = other.registrationUrl(app().baseUrl() + "/lti/register")
                    .replaceFirst("registration_token=[^&]*", "registration_token=a%0D%0AX-Injected:%201");
            HttpResponse<String> answer = app().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", ACCEPT).GET().build());
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
            assertThat(problem(answer)).as(answer.body()).isEmpty();
        }
    }

    @Test
    void aCaseImportNestedAThousandDeepIsRefusedAsInvalid() {
        String nested = "{\"CFDocument\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1000) + "}";
        HttpResponse<String> answer = Registrar.admin(app(), "POST", "/api/referentiels?format=case", nested);
        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        assertThat(problem(answer)).as(answer.body()).isEmpty();
    }

    @Test
    void everyOperationRefusesMalformedRequestsWithAProblem() {
        ApiOperations api = ApiOperations.of(Json.object(app().get("/openapi", "Accept", "application/json").body()));
        assertThat(api.all().stream().filter(ApiOperations.Operation::hasBody).count())
                .as("opérations avec un corps dans /openapi").isGreaterThanOrEqualTo(15);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (ApiOperations.Operation operation : api.all()) {
            for (Map<String, String> caller : callers(operation)) {
                String path = path(operation, Map.of());
                for (Map.Entry<String, Map<String, String>> declared : operation.bodies().entrySet()) {
                    for (MalformedRequests.Body body : MalformedRequests.bodies(declared.getKey(), declared.getValue())) {
                        check(operation.method(), path, caller, body, false).ifPresent(failures::add);
                        sent++;
                    }
                }
                if (!operation.hasBody() && !operation.method().equals("GET")) {
                    for (MalformedRequests.Body body : MalformedRequests.unexpected()) {
                        check(operation.method(), path, caller, body, false).ifPresent(failures::add);
                        sent++;
                    }
                }
                sent += parameters(operation, caller, failures);
                for (Map.Entry<String, String> odd : MalformedRequests.oddHeaders().entrySet()) {
                    Map<String, String> headers = new LinkedHashMap<>(caller);
                    headers.put(odd.getKey(), odd.getValue());
                    check(operation.method(), path, headers, described(sample(operation), odd.getKey() + ": "
                            + odd.getValue()), false).ifPresent(failures::add);
                    sent++;
                }
                sent += languages(operation, path, caller, failures);
            }
        }
        System.out.println("Entrées malformées : " + sent + " requêtes sur " + api.all().size()
                + " opérations de /openapi, " + failures.size() + " réponses fautives");
        assertThat(failures).as(failures.size() + " réponses fautives sur " + sent + " requêtes :\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size())))).isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(1000);
    }

    /** Each parameter of the operation given values that do not fit it, the others keeping good ones. */
    private int parameters(ApiOperations.Operation operation, Map<String, String> caller, List<String> failures) {
        int sent = 0;
        for (ApiOperations.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("header") && List.of("content-type", "content-length")
                    .contains(parameter.name().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            for (String value : MalformedRequests.parameterValues(parameter.in())) {
                Map<String, String> headers = new LinkedHashMap<>(caller);
                String path = path(operation, parameter.in().equals("path") ? Map.of(parameter.name(), value) : Map.of());
                if (parameter.in().equals("query")) {
                    path += (path.contains("?") ? "&" : "?") + parameter.name() + "=" + value;
                } else if (parameter.in().equals("header")) {
                    headers.put(parameter.name(), java.net.URLDecoder.decode(value.replace("%00", "")
                            .replace("%0D%0A", "").replace("%FF%FE", "").replace("%ZZ", "ZZ"), StandardCharsets.UTF_8)
                            .replaceAll("[^\\x20-\\x7e]", "?"));
                }
                check(operation.method(), path, headers, described(sample(operation), parameter.in() + " "
                        + parameter.name() + "=" + MalformedRequests.abbreviate(value)), false).ifPresent(failures::add);
                sent++;
            }
        }
        return sent;
    }

    private static MalformedRequests.Body described(MalformedRequests.Body body, String what) {
        return new MalformedRequests.Body(what + " ; " + body.description(), body.contentType(), body.bytes());
    }

    /** The same refused request in French and in English: two problems whose titles differ. */
    private int languages(ApiOperations.Operation operation, String path, Map<String, String> caller,
            List<String> failures) {
        MalformedRequests.Body body = operation.hasBody()
                ? MalformedRequests.Body.of("[] (langue)", MalformedRequests.JSON, "[]")
                : new MalformedRequests.Body("sans corps (langue)", null, null);
        String[] titles = new String[2];
        List<String> languages = List.of("fr", "en");
        for (int i = 0; i < 2; i++) {
            Map<String, String> headers = new LinkedHashMap<>(caller);
            headers.put("Accept-Language", languages.get(i));
            HttpResponse<String> answer = send(operation.method(), path(operation, Map.of("id", "999999999",
                    "activityId", "999999999", "evidenceId", "999999999", "memberId", "999999999", "columnId",
                    "999999999", "kid", "inconnue")), headers, body);
            if (answer.statusCode() < 400) {
                return i + 1;
            }
            Optional<String> wrong = problem(answer);
            if (wrong.isPresent()) {
                failures.add(operation + " " + body.description() + " : " + wrong.get());
                return i + 1;
            }
            titles[i] = Json.object(answer.body()).getString("title");
        }
        if (titles[0].equals(titles[1])) {
            failures.add(operation + " : même titre en français et en anglais « " + titles[0] + " »");
        }
        return 2;
    }

    /**
     * The callers the operation accepts, each with what it needs to be let in: the admin token, or no credentials
     * for public operations, or every LTI session (student, teacher, teacher choosing content) it does not refuse
     * outright, a teacher in the activity chooser only where it changes the answer.
     */
    private List<Map<String, String>> callers(ApiOperations.Operation operation) {
        if (operation.admin()) {
            return List.of(credentials(null));
        }
        String path = path(operation, Map.of());
        if (NEED_A_SECRET_NO_FIXTURE_HOLDS.contains(operation.path())
                || !refused(send(operation.method(), path, new LinkedHashMap<>(), sample(operation)))) {
            return List.of(new LinkedHashMap<>());
        }
        List<Map<String, String>> callers = new ArrayList<>();
        Integer teacherStatus = null;
        for (String session : List.of(fixture.studentSession, fixture.teacherSession, fixture.deepLinkingSession)) {
            HttpResponse<String> probe = send(operation.method(), path, credentials(session), sample(operation));
            if (refused(probe)) {
                continue;
            }
            if (session.equals(fixture.teacherSession)) {
                teacherStatus = probe.statusCode();
            } else if (session.equals(fixture.deepLinkingSession) && teacherStatus != null
                    && teacherStatus == probe.statusCode()) {
                continue;
            }
            callers.add(credentials(session));
        }
        assertThat(callers).as("aucune session n'est admise par " + operation).isNotEmpty();
        return callers;
    }

    /**
     * Operations that refuse every fixture for want of a secret it does not hold, probed without credentials: dynamic
     * registration (a one-time link) and session renewal (the renewal key only the landing page receives).
     */
    private static final Set<String> NEED_A_SECRET_NO_FIXTURE_HOLDS = Set.of("/lti/register", "/lti/session");

    private static boolean refused(HttpResponse<String> answer) {
        return answer.statusCode() == 401 || answer.statusCode() == 403;
    }

    private static MalformedRequests.Body sample(ApiOperations.Operation operation) {
        if (operation.bodies().containsKey(MalformedRequests.JSON)) {
            return MalformedRequests.Body.of("{}", MalformedRequests.JSON, "{}");
        }
        if (operation.bodies().containsKey(MalformedRequests.FORM)) {
            return MalformedRequests.Body.of("formulaire vide", MalformedRequests.FORM, "");
        }
        return new MalformedRequests.Body("sans corps", null, null);
    }

    /** The operation's path with real ids of the fixture (never for DELETE: nothing real is removed). */
    private String path(ApiOperations.Operation operation, Map<String, String> overrides) {
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : matcher.group(2) != null ? matcher.group(2).substring(1).split("\\|")[0].strip()
                    : operation.method().equals("DELETE") ? "999999999" : realValue(operation.path(), name);
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String realValue(String path, String name) {
        return switch (name) {
            case "id" -> path.startsWith("/api/admin/lti/platforms") ? Long.toString(platformId)
                    : path.startsWith("/api/referentiels") ? "bts-sio-2019-slam" : Long.toString(fixture.activityId);
            case "activityId" -> Long.toString(fixture.activityId);
            case "evidenceId" -> Long.toString(evidenceId);
            case "memberId" -> Long.toString(fixture.memberId);
            default -> "1";
        };
    }

    private static Map<String, String> credentials(String session) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (session == null) {
            headers.put("Authorization", ADMIN);
        } else {
            headers.put("X-Lti-Session", session);
        }
        return headers;
    }

    /** Sends the request; a description of what is wrong with the answer, if anything. */
    private Optional<String> check(String method, String path, Map<String, String> headers,
            MalformedRequests.Body body, boolean refusalExpected) {
        HttpResponse<String> answer;
        try {
            answer = send(method, path, headers, body);
        } catch (RuntimeException e) {
            return Optional.of(method + " " + MalformedRequests.abbreviate(path) + " [" + body.description()
                    + "] : pas de réponse (" + e + ")");
        }
        Optional<String> wrong = answer.statusCode() >= 400 || refusalExpected ? problem(answer)
                : answer.statusCode() >= 500 ? Optional.of("HTTP " + answer.statusCode()) : Optional.empty();
        if (refusalExpected && answer.statusCode() < 400) {
            wrong = Optional.of("accepté (HTTP " + answer.statusCode() + ")");
        }
        return wrong.map(w -> method + " " + MalformedRequests.abbreviate(path) + " [" + body.description() + "] " + w);
    }

    /** Empty if the answer is a 4xx RFC 9457 problem whose status is the answer's; else what is wrong. */
    static Optional<String> problem(HttpResponse<String> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String excerpt = MalformedRequests.abbreviate(answer.body().replaceAll("\\s+", " "));
        if (answer.statusCode() >= 500) {
            return Optional.of("HTTP " + answer.statusCode() + " " + type + " " + excerpt);
        }
        if (answer.statusCode() < 400) {
            return Optional.of("HTTP " + answer.statusCode() + " au lieu d'un refus");
        }
        if (!type.startsWith("application/problem+json")) {
            return Optional.of("HTTP " + answer.statusCode() + " pas un problème RFC 9457 : " + type + " " + excerpt);
        }
        try (var reader = jakarta.json.Json.createReader(new StringReader(answer.body()))) {
            JsonObject problem = reader.readObject();
            if (problem.getInt("status") != answer.statusCode() || problem.getString("title").isBlank()
                    || problem.getString("detail").isBlank()) {
                return Optional.of("problème incomplet : " + excerpt);
            }
        } catch (RuntimeException e) {
            return Optional.of("HTTP " + answer.statusCode() + " corps illisible : " + excerpt);
        }
        return Optional.empty();
    }

    private void assertProblem(String method, String path, Map<String, String> headers, MalformedRequests.Body body,
            int status, String title) {
        HttpResponse<String> answer = send(method, path, headers, body);
        assertThat(answer.statusCode()).as(method + " " + path + " " + answer.body()).isEqualTo(status);
        assertThat(problem(answer)).as(method + " " + path).isEmpty();
        if (title != null) {
            assertThat(Json.object(answer.body()).getString("title")).isEqualTo(title);
        }
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, MalformedRequests.Body body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app().baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", ACCEPT);
        headers.forEach(request::setHeader);
        if (body != null && body.contentType() != null) {
            request.setHeader("Content-Type", body.contentType());
        }
        request.method(method, body == null || body.bytes() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
