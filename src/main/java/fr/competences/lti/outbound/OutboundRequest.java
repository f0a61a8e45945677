package fr.competences.lti.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request to a platform: method, URL, headers, an optional body with its media type, how long to wait for the
 * answer, and how much of the answer to read at most.
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body, String contentType,
        Duration timeout, int maxAnswerBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    public OutboundRequest {
        headers = Map.copyOf(headers);
    }

    public static OutboundRequest get(URI uri) {
        return new OutboundRequest("GET", uri, Map.of(), null, null, DEFAULT_TIMEOUT, DEFAULT_MAX_ANSWER_BYTES);
    }

    public static OutboundRequest delete(URI uri) {
        return new OutboundRequest("DELETE", uri, Map.of(), null, null, DEFAULT_TIMEOUT, DEFAULT_MAX_ANSWER_BYTES);
    }

    public static OutboundRequest post(URI uri, String contentType, String body) {
        return withBody("POST", uri, contentType, body);
    }

    public static OutboundRequest put(URI uri, String contentType, String body) {
        return withBody("PUT", uri, contentType, body);
    }

    private static OutboundRequest withBody(String method, URI uri, String contentType, String body) {
        return new OutboundRequest(method, uri, Map.of(), body.getBytes(StandardCharsets.UTF_8), contentType,
                DEFAULT_TIMEOUT, DEFAULT_MAX_ANSWER_BYTES);
    }

    /** The same request with this header set (replacing one of the same name). */
    public OutboundRequest header(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        changed.put(name, value);
        return new OutboundRequest(method, uri, changed, body, contentType, timeout, maxAnswerBytes);
    }

    public OutboundRequest timeout(Duration wait) {
        return new OutboundRequest(method, uri, headers, body, contentType, wait, maxAnswerBytes);
    }

    public OutboundRequest maxAnswerBytes(int bytes) {
        return new OutboundRequest(method, uri, headers, body, contentType, timeout, bytes);
    }
}
