package fr.competences.lti.platform;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Moodle-like LTI 1.3 platform for the tests, on the JDK's HTTP server bound to 127.0.0.1 (a different site from
 * the tool's localhost): JWKS ({@code certs.php}, with rotation), the authorization endpoint ({@code auth.php}, as
 * strict as Moodle's, docs/moodle.md P-2), and dynamic registration ({@code openid-configuration.php},
 * {@code openid-registration.php}, §5.3). Its issuer is its base URL, as Moodle's is {@code $CFG->wwwroot}.
 */
public final class TestPlatform implements AutoCloseable {

    private static final AtomicInteger TYPE_IDS = new AtomicInteger(1);

    private final HttpServer server;
    private final SigningKeys keys = new SigningKeys();
    private final DeepLinkingReturn deepLinkingReturn = new DeepLinkingReturn();
    private final CoursePages coursePages = new CoursePages();
    private final Map<String, ToolRegistration> tools = new ConcurrentHashMap<>();
    private final Map<String, Launch> pendingLaunches = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registrationTokens = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger configurationFetches = new AtomicInteger();
    private volatile String clientIdOfNextRegistration;
    private volatile JsonObject lastRegistration;
    private volatile MoodleServices services;

    private TestPlatform(HttpServer server) {
        this.server = server;
    }

    public static TestPlatform start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            TestPlatform platform = new TestPlatform(server);
            server.createContext("/mod/lti/certs.php", platform::jwks);
            server.createContext("/mod/lti/auth.php", exchange -> AuthorizationEndpoint.handle(platform, exchange));
            server.createContext("/mod/lti/openid-configuration.php", platform::openIdConfiguration);
            server.createContext("/mod/lti/openid-registration.php", platform::registration);
            server.createContext("/course/view.php", platform.coursePages::course);
            server.createContext("/mod/lti/launch.php", exchange -> platform.coursePages.launch(platform, exchange));
            server.createContext("/mod/lti/contentitem_return.php",
                    exchange -> platform.deepLinkingReturn.handle(platform, exchange));
            platform.services = MoodleServices.on(server, platform.issuer());
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return platform;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwksUri() {
        return issuer() + "/mod/lti/certs.php";
    }

    public String authorizationEndpoint() {
        return issuer() + "/mod/lti/auth.php";
    }

    public String tokenEndpoint() {
        return issuer() + "/mod/lti/token.php";
    }

    /** Moodle's LTI Advantage services on this host: token endpoint, AGS, NRPS ({@link MoodleServices}). */
    public MoodleServices services() {
        return services;
    }

    public SigningKeys keys() {
        return keys;
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** A tool type configured by hand by the platform's admin (active at once). */
    public ToolRegistration addTool(String toolBaseUrl, String... deploymentIds) {
        List<String> deployments = deploymentIds.length > 0 ? List.of(deploymentIds)
                : List.of(Integer.toString(TYPE_IDS.getAndIncrement()));
        ToolRegistration tool = new ToolRegistration(UUID.randomUUID().toString().substring(0, 12), deployments,
                toolBaseUrl + "/lti/login", List.of(toolBaseUrl + "/lti/launch"), toolBaseUrl + "/lti/launch", true);
        tools.put(tool.clientId(), tool);
        return tool;
    }

    /** The admin clicks "Activate" on a Pending tool. */
    public ToolRegistration activate(String clientId) {
        return tools.compute(clientId, (id, tool) -> tool.activated());
    }

    public ToolRegistration tool(String clientId) {
        return tools.get(clientId);
    }

    /**
     * The login initiation Moodle's launch page auto-submits to the tool (docs/moodle.md P-1), with a per-launch
     * {@code lti_message_hint} as recent Moodle versions send.
     */
    public HtmlForm loginInitiation(Launch launch) {
        if (!launch.tool().active()) {
            throw new IllegalStateException("Outil en attente : l'administrateur doit l'activer");
        }
        String hint = "{\"cmid\":" + Math.abs(launch.contextId().hashCode() % 1000) + ",\"launchid\":\"ltilaunch"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}";
        pendingLaunches.put(hint, launch);
        return new HtmlForm("POST", launch.tool().loginUri(), Map.of(
                "iss", issuer(), "target_link_uri", launch.tool().targetLinkUri(), "login_hint", launch.user().id(),
                "lti_message_hint", hint, "client_id", launch.tool().clientId(),
                "lti_deployment_id", launch.deploymentId()));
    }

    /**
     * The URL Moodle opens for "Add LTI Advantage", with a fresh single-use registration token: the pasted URL with
     * its own query string kept (the tool's {@code ?link=}), as {@code startltiadvregistration.php} does with
     * {@code moodle_url::param}.
     */
    public String registrationUrl(String toolRegistrationUrl) {
        String token = UUID.randomUUID().toString();
        registrationTokens.put(token, Boolean.FALSE);
        return toolRegistrationUrl + (toolRegistrationUrl.contains("?") ? "&" : "?") + "openid_configuration="
                + issuer() + "/mod/lti/openid-configuration.php" + "&registration_token=" + token;
    }

    /** How many times the tool read {@code openid-configuration.php}. */
    public int configurationFetches() {
        return configurationFetches.get();
    }

    /**
     * The next registration answers with this client_id instead of a new one, as when the platform's admin chooses
     * to update an existing tool.
     */
    public void answerNextRegistrationWith(String clientId) {
        clientIdOfNextRegistration = clientId;
    }

    /** The course page a real browser opens: the tool framed, launched with this launch. */
    public URI coursePage(Launch launch) {
        return coursePages.coursePage(this, launch);
    }

    /** The course page with the tool in a frame of this size in CSS pixels, as Moodle's activity page gives it. */
    public URI coursePage(Launch launch, int frameWidth, int frameHeight) {
        return URI.create(coursePages.coursePage(this, launch) + "&frame=" + frameWidth + "x" + frameHeight);
    }

    /** See {@link DeepLinkingReturn#acceptGrades(boolean)}. */
    public void acceptGradesFromTool(boolean accept) {
        deepLinkingReturn.acceptGrades(accept);
    }

    /** The deep linking responses the platform accepted ({@code contentitem_return.php}). */
    public List<DeepLinkingReturn.Received> deepLinkingResponses() {
        return deepLinkingReturn.received();
    }

    public JsonObject lastRegistration() {
        return lastRegistration;
    }

    Launch takeLaunch(String messageHint) {
        return messageHint == null ? null : pendingLaunches.remove(messageHint);
    }

    String idToken(Launch launch, String nonce) {
        JWTClaimsSet claims = MoodleIdTokens.claims(issuer(), launch, nonce, Instant.now());
        return launch.forgery() != null ? launch.forgery().sign(claims, keys) : MoodleIdTokens.sign(claims, keys.current());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        respond(exchange, 200, "application/json", keys.publicJwks());
    }

    private void openIdConfiguration(HttpExchange exchange) throws IOException {
        configurationFetches.incrementAndGet();
        String lti = issuer() + "/mod/lti/";
        JsonObject configuration = Json.createObjectBuilder()
                .add("issuer", issuer())
                .add("token_endpoint", lti + "token.php")
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("private_key_jwt"))
                .add("token_endpoint_auth_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("jwks_uri", lti + "certs.php")
                .add("authorization_endpoint", lti + "auth.php")
                .add("registration_endpoint", lti + "openid-registration.php")
                .add("scopes_supported", Json.createArrayBuilder().add("openid")
                        .add("https://purl.imsglobal.org/spec/lti-ags/scope/score"))
                .add("response_types_supported", Json.createArrayBuilder().add("id_token"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public").add("pairwise"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("claims_supported", Json.createArrayBuilder().add("sub").add("iss").add("name").add("given_name")
                        .add("family_name").add("email"))
                .add("https://purl.imsglobal.org/spec/lti-platform-configuration", Json.createObjectBuilder()
                        .add("product_family_code", "moodle").add("version", "4.5")
                        .add("messages_supported", Json.createArrayBuilder().add("LtiResourceLinkRequest")
                                .add("LtiDeepLinkingRequest"))
                        .add("placements", Json.createArrayBuilder().add("AddContentMenu"))
                        .add("variables", Json.createArrayBuilder().add("CourseSection.timeFrame.end")))
                .build();
        respond(exchange, 200, "application/json", configuration.toString());
    }

    /** Moodle's openid-registration.php: Bearer token single use, required fields, tool created Pending. */
    private void registration(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
        if (!Boolean.FALSE.equals(registrationTokens.replace(token, Boolean.TRUE))) {
            respond(exchange, 401, "application/json", "{\"error\":\"token_already_used\"}");
            return;
        }
        JsonObject body;
        try (var reader = Json.createReader(new StringReader(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            body = reader.readObject();
        }
        lastRegistration = body;
        String problem = RegistrationRules.problem(body);
        if (problem != null) {
            respond(exchange, 400, "text/plain", problem);
            return;
        }
        ToolRegistration tool = RegistrationRules.pendingTool(body, Integer.toString(TYPE_IDS.getAndIncrement()));
        String reused = clientIdOfNextRegistration;
        clientIdOfNextRegistration = null;
        if (reused != null) {
            tool = new ToolRegistration(reused, tool.deploymentIds(), tool.loginUri(), tool.redirectUris(),
                    tool.targetLinkUri(), false);
        }
        tools.put(tool.clientId(), tool);
        JsonObjectBuilder answer = Json.createObjectBuilder(body).add("client_id", tool.clientId())
                .add(RegistrationRules.TOOL_CONFIGURATION, Json.createObjectBuilder(
                        body.getJsonObject(RegistrationRules.TOOL_CONFIGURATION)).add("deployment_id", tool.deploymentId()));
        respond(exchange, 200, "application/json", answer.build().toString());
    }

    static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
