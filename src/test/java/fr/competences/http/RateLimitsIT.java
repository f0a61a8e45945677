package fr.competences.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate limits of the real jar, behind a reverse proxy on loopback as a school would run it
 * ({@code TRUSTED_PROXIES=127.0.0.1}): each test is a client of its own through {@code X-Forwarded-For}. Small limits
 * (5 launches a minute, 3 wrong admin tokens an hour) so that a few requests reach them; an app of its own, since the
 * shared ones run with limits the suite never reaches.
 */
class RateLimitsIT {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start("app-rate-limits", Map.of("RATE_LIMIT_LAUNCHES_PER_MINUTE", "5",
                "RATE_LIMIT_ADMIN_FAILURES_PER_HOUR", "3", "TRUSTED_PROXIES", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void pastItsLaunchAllowanceAnAddressGets429WithRetryAfterAndOthersGoOn() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("203.0.113.10", "fr").statusCode()).as("launch " + i).isEqualTo(400);
        }

        HttpResponse<String> refused = login("203.0.113.10", "fr");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        JsonObject problem = Json.object(refused.body());
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.getString("title")).isEqualTo("Trop de requêtes");
        assertThat(problem.getString("detail")).contains("Réessayez dans");
        assertThat(Json.object(login("203.0.113.10", "en").body()).getString("title")).isEqualTo("Too many requests");

        assertThat(login("203.0.113.11", "fr").statusCode()).as("another client").isEqualTo(400);
        assertThat(launch("203.0.113.10").statusCode()).as("the launch POST has its own allowance").isNotEqualTo(429);
    }

    @Test
    void launchPostsCountToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(launch("203.0.113.30").statusCode()).isNotEqualTo(429);
        }
        assertThat(launch("203.0.113.30").statusCode()).isEqualTo(429);
    }

    @Test
    void afterThreeWrongAdminTokensEvenTheRightOneWaitsFromThatAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(admin("203.0.113.20", "Bearer wrong-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = admin("203.0.113.20", "Bearer " + TestApp.ADMIN_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(Json.object(refused.body()).getString("type")).endsWith(":rate-limited");

        assertThat(admin("203.0.113.21", "Bearer " + TestApp.ADMIN_TOKEN).statusCode()).as("another client")
                .isEqualTo(200);
    }

    @Test
    void rightTokensAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            assertThat(admin("203.0.113.40", "Bearer " + TestApp.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> login(String client, String language) {
        return app.send(HttpRequest.newBuilder(app.uri("/lti/login?iss=x")).header("X-Forwarded-For", client)
                .header("Accept", "*/*").header("Accept-Language", language).GET().build());
    }

    private static HttpResponse<String> launch(String client) {
        return app.send(HttpRequest.newBuilder(app.uri("/lti/launch")).header("X-Forwarded-For", client)
                .header("Accept", "*/*").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id_token=x&state=y")).build());
    }

    private static HttpResponse<String> admin(String client, String authorization) {
        return app.send(HttpRequest.newBuilder(app.uri("/api/admin/lti/platforms")).header("X-Forwarded-For", client)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build());
    }
}
