package fr.competences.lti.outbound;

import java.util.List;
import java.util.Map;

/** A platform's answer: status, headers (names in lower case) and body as text. */
public record OutboundResponse(int status, Map<String, List<String>> headers, String body) {

    public OutboundResponse {
        headers = Map.copyOf(headers);
    }

    /** Every value of a header, whatever the case of its name. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }
}
