package fr.competences.lti.ags;

import fr.competences.lti.outbound.OutboundException;
import fr.competences.lti.outbound.OutboundHttp;
import fr.competences.lti.outbound.OutboundRequest;
import fr.competences.lti.outbound.OutboundResponse;
import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * HTTP to platform services, through the tool's guarded {@link OutboundHttp} (no loopback, link-local or metadata
 * address, no redirect): timeouts (a slow platform must not hold a worker), a User-Agent (Canvas requires one,
 * docs/moodle.md, Other platforms), and the bearer token refreshed once on a 401.
 */
public final class PlatformHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    static final int MAX_PAGES = 200;
    static final String USER_AGENT = "competences-lti (LTI 1.3 tool)";

    private PlatformHttp() {
    }

    /** Sends with a bearer token for these scopes; on 401 asks for a new token and sends once more. */
    public static OutboundResponse authorized(AccessTokens tokens, RegisteredPlatform platform, Set<String> scopes,
            OutboundRequest request) {
        String token = tokens.token(platform, scopes);
        OutboundResponse response = send(tokens.http(), withToken(request, token));
        if (response.status() == 401) {
            tokens.refused(platform, scopes, token);
            response = send(tokens.http(), withToken(request, tokens.token(platform, scopes)));
        }
        return response;
    }

    /**
     * GETs a paged collection, following {@code Link: <…>; rel="next"} (lenient, docs/moodle.md P-11), and returns the
     * items of every page, each read by {@code item}. Stops after {@link #MAX_PAGES} pages: a platform looping on its
     * own links must not hang us. An answer that cannot be read (not JSON, an item without a required field) is a
     * {@link ServiceException} 502 with the platform's words, like any other failure of the platform.
     */
    public static <T> List<T> pages(AccessTokens tokens, RegisteredPlatform platform, Set<String> scopes,
            String url, String mediaType, Function<JsonStructure, JsonArray> items, Function<JsonObject, T> item) {
        List<T> all = new ArrayList<>();
        String next = url;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            OutboundResponse response = authorized(tokens, platform, scopes,
                    OutboundRequest.get(URI.create(next)).header("Accept", mediaType));
            if (response.status() != 200) {
                throw new ServiceException(response.status(), excerpt(response.body()));
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                items.apply(reader.read()).forEach(value -> all.add(item.apply(value.asJsonObject())));
            } catch (RuntimeException malformed) {
                throw new ServiceException(502, "unexpected answer: " + excerpt(response.body()));
            }
            next = response.headers("Link").stream().map(ServiceUrls::nextLink)
                    .flatMap(java.util.Optional::stream).findFirst().orElse(null);
        }
        return all;
    }

    static OutboundResponse send(OutboundHttp http, OutboundRequest request) {
        try {
            return http.send(request);
        } catch (OutboundException unreachable) {
            throw new ServiceException(0, unreachable.getMessage());
        }
    }

    /** The first characters of a body, on one line, for logs and statuses. */
    static String excerpt(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static OutboundRequest withToken(OutboundRequest request, String token) {
        return request.timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("User-Agent", USER_AGENT);
    }
}
