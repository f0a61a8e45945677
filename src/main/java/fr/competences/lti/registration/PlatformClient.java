package fr.competences.lti.registration;

import fr.competences.input.JsonInput;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP calls of dynamic registration: read the platform's OpenID configuration, post the tool's
 * registration. Timeouts, no redirects, bounded answers: the URL comes from whoever opened the registration.
 */
@ApplicationScoped
class PlatformClient {

    static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    JsonObject get(URI uri) {
        return send(request(uri).GET().build());
    }

    JsonObject post(URI uri, JsonObject body, String bearerToken) {
        HttpRequest.Builder request = request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                .header("User-Agent", "competences-lti");
    }

    private JsonObject send(HttpRequest request) {
        String where = request.method() + " " + request.uri().getHost();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
            }
            if (response.statusCode() / 100 != 2) {
                throw failed(where + " : HTTP " + response.statusCode());
            }
            return JsonInput.readObject(new StringReader(body));
        } catch (IOException e) {
            throw failed(where + " : " + e.getClass().getSimpleName());
        } catch (JsonException e) {
            throw failed(where + " : JSON");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(where + " : interrupted");
        }
    }

    private static LtiException failed(String reason) {
        return new LtiException(LtiError.REGISTRATION_PLATFORM_FAILED, reason);
    }
}
