package fr.competences.lti.platform;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's LTI Advantage services for the tests, on the JDK's HTTP server: the token endpoint
 * ({@link MoodleTokenEndpoint}), AGS line items, scores and results, and NRPS memberships, with Moodle's URL shapes
 * ({@code ?type_id=} on every URL, P-8) and behaviour (docs/moodle.md P-6…P-11): scores need the four required fields and
 * a gradable user (400), a timestamp later than the stored one to the second (409), {@code FullyGraded} to keep
 * {@code scoreGiven}; results leave {@code resultScore} out for 0; Link headers with typographic quotes; line item
 * creation refused (401) under "grade sync only". It can also answer slowly or be down.
 */
public final class MoodleServices implements AutoCloseable {

    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";
    public static final Set<String> GRADE_SYNC_ONLY = Set.of(AGS + "lineitem.readonly", AGS + "result.readonly",
            AGS + "score");
    public static final Set<String> COLUMN_MANAGEMENT = Set.of(AGS + "lineitem", AGS + "lineitem.readonly",
            AGS + "result.readonly", AGS + "score");
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    private static final Pattern SERVICE = Pattern.compile(
            "/mod/lti/services\\.php/(?:CourseSection/)?([^/]+)/(lineitems(?:/([^/]+)/lineitem(?:/(scores|results))?)?"
                    + "|bindings/\\d+/memberships)");

    record Answer(int status, String contentType, String body, String link) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }
    }

    /** A score as the platform received it, accepted or not. */
    public record ReceivedScore(String lineItemId, String contentType, JsonObject body, int status) {
    }

    /** A gradebook cell: the grade (null when none), the maximum, the feedback and Moodle's timemodified (seconds). */
    public record Grade(BigDecimal finalGrade, String feedback, long timeModified) {
    }

    /** A course member; given and family names may be null (Moodle sends them when it shares names). */
    public record Member(String userId, String name, String givenName, String familyName, String role, String status) {
    }

    /** A gradebook column as the platform holds it. */
    public record Column(String url, String label, BigDecimal scoreMaximum, String resourceId, String tag) {
    }

    static final class LineItem {
        final String id;
        final String courseId;
        volatile String label;
        volatile BigDecimal gradeMax;
        final String resourceLinkId;
        volatile String resourceId;
        volatile String tag;
        /** Created through the service (Moodle deletes only those, P-11). */
        final boolean byService;
        final Map<String, Grade> grades = new ConcurrentHashMap<>();

        LineItem(String id, String courseId, String label, BigDecimal gradeMax, String resourceLinkId, String resourceId,
                String tag, boolean byService) {
            this.id = id;
            this.courseId = courseId;
            this.label = label;
            this.gradeMax = gradeMax;
            this.resourceLinkId = resourceLinkId;
            this.resourceId = resourceId;
            this.tag = tag;
            this.byService = byService;
        }
    }

    private final HttpServer server;
    private final String baseUrl;
    private final ExecutorService threads;
    private final MoodleTokenEndpoint tokenEndpoint = new MoodleTokenEndpoint();
    private final Map<String, LineItem> lineItems = new ConcurrentHashMap<>();
    private final Map<String, List<Member>> rosters = new ConcurrentHashMap<>();
    private final List<ReceivedScore> scores = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile boolean down;
    private volatile long latencyMillis;
    private volatile double unavailableShare;
    private volatile int retryAfterSeconds;
    private final AtomicInteger unavailableAnswers = new AtomicInteger();
    private final AtomicInteger scoresInFlight = new AtomicInteger();
    private final AtomicInteger scoresInFlightPeak = new AtomicInteger();
    private volatile long deleteLatencyMillis;
    private final AtomicInteger deletesReceived = new AtomicInteger();
    private final int typeId = 7;

    private MoodleServices(HttpServer server, String baseUrl, ExecutorService threads) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.threads = threads;
    }

    /** On a server of its own (unit tests, benchmark). */
    public static MoodleServices start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            ExecutorService threads = Executors.newFixedThreadPool(32);
            MoodleServices services = new MoodleServices(server, "http://127.0.0.1:" + server.getAddress().getPort(),
                    threads);
            server.createContext("/mod/lti/", services::handle);
            server.setExecutor(threads);
            server.start();
            return services;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On the server of a {@link TestPlatform}, whose launches announce these services' URLs. */
    static MoodleServices on(HttpServer server, String baseUrl) {
        MoodleServices services = new MoodleServices(server, baseUrl, null);
        server.createContext("/mod/lti/", services::handle);
        return services;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String tokenEndpoint() {
        return baseUrl() + "/mod/lti/token.php";
    }

    /** Registers a tool type: its key set (e.g. {@code {tool}/lti/jwks}) and the services it may use (P-6). */
    public void addTool(String clientId, Supplier<JWKSet> keys, Set<String> permittedScopes) {
        tokenEndpoint.add(new MoodleTokenEndpoint.Tool(clientId, keys, permittedScopes));
    }

    public void addTool(String clientId, String jwksUrl, Set<String> permittedScopes) {
        addTool(clientId, MoodleTokenEndpoint.keySetAt(jwksUrl), permittedScopes);
    }

    public String lineItemsUrl(String courseId) {
        return baseUrl() + "/mod/lti/services.php/" + courseId + "/lineitems?type_id=" + typeId;
    }

    public String membershipsUrl(String courseId) {
        return baseUrl() + "/mod/lti/services.php/CourseSection/" + courseId + "/bindings/" + typeId + "/memberships";
    }

    /**
     * The grade item of an activity ("Accept grades from the tool"); its id is the resource link's, as the
     * {@code lineitem} claim of {@link TestPlatform}'s launches names it.
     */
    public String addActivityLineItem(String courseId, String resourceLinkId, String label, BigDecimal gradeMax) {
        LineItem item = new LineItem(resourceLinkId, courseId, label, gradeMax, resourceLinkId, null, null, false);
        lineItems.put(item.id, item);
        return lineItemUrl(item);
    }

    /**
     * The grade item Moodle couples to an activity made by deep linking from the item's {@code lineItem} (P-14): listed
     * with the activity's resource link id and the item's resourceId and tag, named like the launches' lineitem.
     */
    public String addDeepLinkedLineItem(String courseId, String resourceLinkId, String label, BigDecimal gradeMax,
            String resourceId, String tag) {
        LineItem item = new LineItem(resourceLinkId, courseId, label, gradeMax, resourceLinkId, resourceId, tag, false);
        lineItems.put(item.id, item);
        return lineItemUrl(item);
    }

    /** The line item with this URL, as a column (null when there is none). */
    public Column column(String lineItemUrl) {
        LineItem item = lineItem(lineItemUrl);
        return item == null ? null : new Column(lineItemUrl(item), item.label, item.gradeMax, item.resourceId, item.tag);
    }

    /** A column an earlier run of the tool created (e.g. just before a crash): the tool must find it, not add one. */
    public String addToolColumn(String courseId, String label, String resourceId, String tag) {
        LineItem item = new LineItem("c" + ids.incrementAndGet(), courseId, label, new BigDecimal("100"), null,
                resourceId, tag, true);
        lineItems.put(item.id, item);
        return lineItemUrl(item);
    }

    /** The columns of a course with this tag, by resourceId order. */
    public List<Column> columns(String courseId, String tag) {
        return lineItems.values().stream().filter(i -> i.courseId.equals(courseId) && tag.equals(i.tag))
                .sorted(java.util.Comparator.comparing((LineItem i) -> i.resourceId).thenComparing(i -> i.id))
                .map(i -> new Column(lineItemUrl(i), i.label, i.gradeMax, i.resourceId, i.tag)).toList();
    }

    /** What the platform permits a tool from now on (an admin changing the AGS setting, P-6). */
    public void permit(String clientId, String jwksUrl, Set<String> permittedScopes) {
        tokenEndpoint.add(new MoodleTokenEndpoint.Tool(clientId, MoodleTokenEndpoint.keySetAt(jwksUrl), permittedScopes));
        revokeTokens();
    }

    public void enrol(String courseId, String userId, String name, String role, String status) {
        rosters.computeIfAbsent(courseId, c -> new CopyOnWriteArrayList<>())
                .add(new Member(userId, name, null, null, role, status));
    }

    /** Enrols a user with their full, given and family names, as Moodle's NRPS lists them. */
    public void enrol(String courseId, Launch.User user, String role) {
        rosters.computeIfAbsent(courseId, c -> new CopyOnWriteArrayList<>())
                .add(new Member(user.id(), user.name(), user.givenName(), user.familyName(), role, "Active"));
    }

    public Grade grade(String lineItemUrl, String userId) {
        return lineItem(lineItemUrl).grades.get(userId);
    }

    /** A teacher overrides the grade in Moodle's gradebook: timemodified moves to now (P-9.3). */
    public void override(String lineItemUrl, String userId, BigDecimal finalGrade) {
        lineItem(lineItemUrl).grades.put(userId, new Grade(finalGrade, null, System.currentTimeMillis() / 1000));
    }

    public List<ReceivedScore> scores() {
        return List.copyOf(scores);
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public List<String> lineItemLabels(String courseId) {
        return lineItems.values().stream().filter(i -> i.courseId.equals(courseId)).map(i -> i.label).sorted().toList();
    }

    /** While down, every request gets 503, the token endpoint too. */
    public void down(boolean isDown) {
        this.down = isDown;
    }

    public void latency(long millis) {
        this.latencyMillis = millis;
    }

    /**
     * This share of score posts (chosen at random) answer 503, with {@code Retry-After: seconds} when seconds > 0, as
     * an overloaded Moodle behind a proxy does; they are not recorded as received scores.
     */
    public void unavailable(double share, int retryAfterSeconds) {
        this.unavailableShare = share;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How many score posts were answered 503 by {@link #unavailable}. */
    public int unavailableAnswers() {
        return unavailableAnswers.get();
    }

    /** The most score posts the platform was handling at one moment since the last call (then reset). */
    public int scoresInFlightPeak() {
        return scoresInFlightPeak.getAndSet(scoresInFlight.get());
    }

    /** Line item deletions answer only after this long (to act while one is in flight). */
    public void deleteLatency(long millis) {
        this.deleteLatencyMillis = millis;
    }

    /** How many line item deletions reached the platform so far (answered or not). */
    public int deletesReceived() {
        return deletesReceived.get();
    }

    /** Forgets every access token issued, as if they had expired. */
    public void revokeTokens() {
        tokenEndpoint.revokeAll();
    }

    @Override
    public void close() {
        if (threads != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean scorePost = "POST".equals(exchange.getRequestMethod())
                && exchange.getRequestURI().getPath().endsWith("/scores");
        if (scorePost) {
            scoresInFlightPeak.accumulateAndGet(scoresInFlight.incrementAndGet(), Math::max);
        }
        try (exchange) {
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            if (scorePost && unavailableShare > 0 && ThreadLocalRandom.current().nextDouble() < unavailableShare) {
                unavailableAnswers.incrementAndGet();
                if (retryAfterSeconds > 0) {
                    exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
                }
                respond(exchange, new Answer(503, "text/plain", "Service unavailable"));
                return;
            }
            respond(exchange, down ? new Answer(503, "text/plain", "Service unavailable") : answer(exchange));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException bug) {
            respond(exchange, new Answer(500, "text/plain", bug.toString()));
        } finally {
            if (scorePost) {
                scoresInFlight.decrementAndGet();
            }
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        if (path.equals("/mod/lti/token.php")) {
            tokenRequests.incrementAndGet();
            return "POST".equals(method)
                    ? tokenEndpoint.handle(exchange.getRequestHeaders().getFirst("Content-Type"), body, tokenEndpoint())
                    : new Answer(405, "text/plain", "POST only");
        }
        Matcher service = SERVICE.matcher(path);
        if (!service.matches()) {
            return new Answer(404, "text/plain", "No handler found for " + path);
        }
        Map<String, String> query = MoodleTokenEndpoint.form(exchange.getRequestURI().getRawQuery() == null ? ""
                : exchange.getRequestURI().getRawQuery());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        MoodleTokenEndpoint.Issued token = tokenEndpoint.issued(authorization == null ? null
                : authorization.replaceFirst("^Bearer ", ""));
        String courseId = service.group(1);
        if (service.group(2).endsWith("memberships")) {
            return allowed(token, NRPS) ? memberships(courseId, query) : unauthorized();
        }
        if (query.get("type_id") == null) {
            return new Answer(400, "text/plain", "No type_id");
        }
        if (service.group(3) == null) {
            return "POST".equals(method) ? (allowed(token, AGS + "lineitem") ? createLineItem(courseId, body) : unauthorized())
                    : allowed(token, AGS + "lineitem.readonly") || allowed(token, AGS + "lineitem")
                    ? listLineItems(courseId, query) : unauthorized();
        }
        LineItem item = lineItems.get(service.group(3));
        if (item == null || !item.courseId.equals(courseId)) {
            return new Answer(404, "text/plain", "Line item not found");
        }
        if ("scores".equals(service.group(4))) {
            if (!"POST".equals(method)) {
                return new Answer(405, "text/plain", "Method not allowed");
            }
            return allowed(token, AGS + "score")
                    ? score(item, exchange.getRequestHeaders().getFirst("Content-Type"), body) : unauthorized();
        }
        if ("results".equals(service.group(4))) {
            return allowed(token, AGS + "result.readonly") ? results(item, query) : unauthorized();
        }
        if ("PUT".equals(method)) {
            return allowed(token, AGS + "lineitem") ? updateLineItem(item, body) : unauthorized();
        }
        if ("DELETE".equals(method)) {
            if (!allowed(token, AGS + "lineitem")) {
                return unauthorized();
            }
            if (!item.byService) {
                return new Answer(403, "text/plain", "Line item not created through the service");
            }
            deletesReceived.incrementAndGet();
            sleep(deleteLatencyMillis);
            lineItems.remove(item.id);
            return new Answer(204, null, "");
        }
        return new Answer(200, "application/vnd.ims.lis.v2.lineitem+json", lineItemJson(item).toString());
    }

    /** PUT needs label and scoreMaximum; a new maximum rescales the grades held, keeping percentages (P-11). */
    private Answer updateLineItem(LineItem item, String body) {
        JsonObject json = lineItemBody(body);
        if (json == null) {
            return new Answer(400, "text/plain", "No label or Score Maximum");
        }
        BigDecimal maximum = json.getJsonNumber("scoreMaximum").bigDecimalValue();
        if (maximum.compareTo(item.gradeMax) != 0) {
            item.grades.replaceAll((user, grade) -> grade.finalGrade() == null ? grade : new Grade(grade.finalGrade()
                    .multiply(maximum).divide(item.gradeMax, 5, RoundingMode.HALF_UP), grade.feedback(),
                    grade.timeModified()));
        }
        item.label = json.getString("label");
        item.gradeMax = maximum;
        item.resourceId = json.getString("resourceId", item.resourceId);
        item.tag = json.getString("tag", item.tag);
        return new Answer(200, "application/vnd.ims.lis.v2.lineitem+json", lineItemJson(item).toString());
    }

    private synchronized Answer score(LineItem item, String contentType, String body) {
        JsonObject score;
        try (var reader = Json.createReader(new StringReader(body))) {
            score = reader.readObject();
        } catch (RuntimeException notJson) {
            return recordScore(item, contentType, Json.createObjectBuilder().build(), 400, "Incorrect score received");
        }
        if (!SCORE_TYPE.equals(contentType)) {
            return recordScore(item, contentType, score, 415, "Unsupported content type");
        }
        String userId = score.getString("userId", null);
        OffsetDateTime timestamp;
        try {
            timestamp = OffsetDateTime.parse(score.getString("timestamp", ""));
        } catch (RuntimeException bad) {
            timestamp = null;
        }
        boolean gradable = rosters.getOrDefault(item.courseId, List.of()).stream()
                .anyMatch(m -> m.userId().equals(userId) && m.role().endsWith("Learner") && !"Deleted".equals(m.status()));
        if (userId == null || timestamp == null || !score.containsKey("gradingProgress")
                || !score.containsKey("activityProgress") || !gradable
                || score.containsKey("scoreGiven") && !(score.get("scoreGiven") instanceof jakarta.json.JsonNumber)) {
            return recordScore(item, contentType, score, 400, "Incorrect score received");
        }
        Grade stored = item.grades.get(userId);
        if (stored != null && stored.timeModified() >= timestamp.toEpochSecond()) {
            return recordScore(item, contentType, score, 409, "Refusing score with an earlier timestamp for item "
                    + item.id + " and user " + userId);
        }
        BigDecimal finalGrade = null;
        if ("FullyGraded".equals(score.getString("gradingProgress")) && score.containsKey("scoreGiven")) {
            BigDecimal given = score.getJsonNumber("scoreGiven").bigDecimalValue();
            BigDecimal maximum = score.containsKey("scoreMaximum") ? score.getJsonNumber("scoreMaximum").bigDecimalValue()
                    : BigDecimal.ONE;
            finalGrade = maximum.signum() == 0 || maximum.compareTo(item.gradeMax) == 0 ? given
                    : given.multiply(item.gradeMax).divide(maximum, 5, RoundingMode.HALF_UP);
        }
        String comment = score.getString("comment", null);
        item.grades.put(userId, new Grade(finalGrade, comment == null || comment.isEmpty() ? null : comment,
                timestamp.toEpochSecond()));
        return recordScore(item, contentType, score, 200, "{}");
    }

    private Answer recordScore(LineItem item, String contentType, JsonObject body, int status, String message) {
        scores.add(new ReceivedScore(item.id, contentType, body, status));
        return new Answer(status, status == 200 ? "application/json" : "text/plain", message);
    }

    private Answer results(LineItem item, Map<String, String> query) {
        List<JsonObject> all = new ArrayList<>();
        item.grades.forEach((userId, grade) -> {
            if (query.get("user_id") == null || query.get("user_id").equals(userId)) {
                JsonObjectBuilder result = Json.createObjectBuilder()
                        .add("id", lineItemUrl(item).replace("/lineitem?", "/lineitem/results?") + "&user_id=" + userId)
                        .add("scoreOf", lineItemUrl(item)).add("userId", userId);
                if (grade.finalGrade() != null && grade.finalGrade().signum() != 0) { // PHP empty(0.0), P-10
                    result.add("resultScore", grade.finalGrade()).add("resultMaximum", item.gradeMax);
                    if (grade.feedback() != null) {
                        result.add("comment", grade.feedback());
                    }
                }
                all.add(result.build());
            }
        });
        return page(all, query, "application/vnd.ims.lis.v2.resultcontainer+json",
                lineItemUrl(item).replace("/lineitem?", "/lineitem/results?"), true);
    }

    private Answer listLineItems(String courseId, Map<String, String> query) {
        List<JsonObject> all = lineItems.values().stream().filter(i -> i.courseId.equals(courseId))
                .filter(i -> query.get("resource_link_id") == null || query.get("resource_link_id").equals(i.resourceLinkId))
                .filter(i -> query.get("tag") == null || query.get("tag").equals(i.tag))
                .filter(i -> query.get("resource_id") == null || query.get("resource_id").equals(i.resourceId))
                .sorted(java.util.Comparator.comparing(i -> i.id)).map(this::lineItemJson).toList();
        return page(all, query, "application/vnd.ims.lis.v2.lineitemcontainer+json", lineItemsUrl(courseId), true);
    }

    /** A line item's JSON as POST and PUT need it (label and scoreMaximum, P-11), else null. */
    private static JsonObject lineItemBody(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            return json.containsKey("label") && json.containsKey("scoreMaximum") ? json : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private Answer createLineItem(String courseId, String body) {
        JsonObject json = lineItemBody(body);
        if (json == null) {
            return new Answer(400, "text/plain", "No label or Score Maximum");
        }
        LineItem item = new LineItem("c" + ids.incrementAndGet(), courseId, json.getString("label"),
                json.getJsonNumber("scoreMaximum").bigDecimalValue(), json.getString("resourceLinkId", null),
                json.getString("resourceId", null), json.getString("tag", null), true);
        lineItems.put(item.id, item);
        return new Answer(201, "application/vnd.ims.lis.v2.lineitem+json", lineItemJson(item).toString());
    }

    private Answer memberships(String courseId, Map<String, String> query) {
        List<JsonObject> members = rosters.getOrDefault(courseId, List.of()).stream().map(m -> {
            var member = Json.createObjectBuilder().add("user_id", m.userId()).add("name", m.name())
                    .add("status", m.status()).add("roles", Json.createArrayBuilder().add(m.role()));
            if (m.givenName() != null) {
                member.add("given_name", m.givenName()).add("family_name", m.familyName());
            }
            return member.build();
        }).toList();
        Answer page = page(members, query, null, membershipsUrl(courseId), false);
        String body = Json.createObjectBuilder().add("id", membershipsUrl(courseId))
                .add("context", Json.createObjectBuilder().add("id", courseId))
                .add("members", Json.createReader(new StringReader(page.body())).readArray()).build().toString();
        return new Answer(200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", body, page.link());
    }

    /** limit/from paging; Moodle's AGS Link headers use typographic quotes (P-11), its NRPS ones straight quotes. */
    private Answer page(List<JsonObject> all, Map<String, String> query, String type, String url, boolean curly) {
        int limit = query.get("limit") == null ? all.size() : Integer.parseInt(query.get("limit"));
        int from = query.get("from") == null ? 0 : Integer.parseInt(query.get("from"));
        JsonArrayBuilder page = Json.createArrayBuilder();
        all.stream().skip(from).limit(Math.max(limit, 1)).forEach(page::add);
        String link = null;
        if (limit > 0 && from + limit < all.size()) {
            String next = url + (url.contains("?") ? "&" : "?") + "limit=" + limit + "&from=" + (from + limit);
            link = curly ? "<" + next + ">; rel=“next”" : "<" + next + ">; rel=\"next\"";
        }
        return new Answer(200, type, page.build().toString(), link);
    }

    private JsonObject lineItemJson(LineItem item) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", lineItemUrl(item)).add("label", item.label)
                .add("scoreMaximum", item.gradeMax);
        if (item.resourceLinkId != null) {
            json.add("resourceLinkId", item.resourceLinkId);
        }
        if (item.resourceId != null) {
            json.add("resourceId", item.resourceId);
        }
        if (item.tag != null) {
            json.add("tag", item.tag);
        }
        return json.build();
    }

    private String lineItemUrl(LineItem item) {
        return baseUrl() + "/mod/lti/services.php/" + item.courseId + "/lineitems/" + item.id + "/lineitem?type_id="
                + typeId;
    }

    private LineItem lineItem(String url) {
        Matcher id = Pattern.compile("/lineitems/([^/]+)/lineitem").matcher(url);
        if (!id.find()) {
            throw new IllegalArgumentException(url);
        }
        return lineItems.get(id.group(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean allowed(MoodleTokenEndpoint.Issued token, String scope) {
        return token != null && token.scopes().contains(scope);
    }

    private static Answer unauthorized() {
        return new Answer(401, "text/plain", "Unauthorized");
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        if (answer.link() != null) { // raw UTF-8 bytes on the wire, as PHP's header() sends them
            exchange.getResponseHeaders().set("Link",
                    new String(answer.link().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
