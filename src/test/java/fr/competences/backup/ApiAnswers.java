package fr.competences.backup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every GET the application documents at {@code /openapi}, asked by every caller (the course's teacher and students,
 * the administrator, nobody) with every value of its path parameters and of a few query parameters, and what the
 * application answered: status, type, validators and the body. A GET added later is asked too; a path
 * parameter the test has no values for fails it, so that it gets some.
 */
final class ApiAnswers {

    /**
     * Answers that carry the moment they were made (personal-data exports say when they were read; xlsx, PDF and ZIP
     * files hold their creation time): compared without it (JSON without {@code exportedAt}; files by status, type
     * and name only).
     */
    static final List<String> MADE_AT_REQUEST = List.of("/api/privacy/", "/privacy/export",
            "/api/admin/privacy/platforms/", "/api/portfolio/export/", "/api/portfolio/course/export.zip");

    record Answer(int status, String contentType, String etag, String disposition, byte[] body) {

        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return status + " " + contentType + " " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }

        /**
         * Same status, type, validators and body: as JSON values for JSON (the members of an object have no order:
         * a map of levels read from rows in no particular order may list them otherwise after a restore), byte for
         * byte otherwise.
         */
        boolean sameAs(Answer other) {
            return status == other.status && java.util.Objects.equals(contentType, other.contentType)
                    && java.util.Objects.equals(etag, other.etag) && java.util.Objects.equals(disposition, other.disposition)
                    && (json() && other.json() ? parse(body).equals(parse(other.body)) : Arrays.equals(body, other.body));
        }

        /** As {@link #sameAs}, for an answer of {@link #MADE_AT_REQUEST}. */
        boolean sameBesidesItsTime(Answer other) {
            if (json() && other.json()) {
                return new Answer(status, contentType, etag, disposition, withoutTime(body)).sameAs(
                        new Answer(other.status, other.contentType, other.etag, other.disposition, withoutTime(other.body)));
            }
            return status == other.status && java.util.Objects.equals(contentType, other.contentType)
                    && java.util.Objects.equals(disposition, other.disposition);
        }

        private static byte[] withoutTime(byte[] body) {
            JsonValue value = parse(body);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return body;
            }
            return jakarta.json.Json.createObjectBuilder(value.asJsonObject()).remove("exportedAt").build().toString()
                    .getBytes(StandardCharsets.UTF_8);
        }

        private boolean json() {
            return contentType != null && contentType.matches("application/(problem\\+)?json.*") && body.length > 0;
        }

        private static JsonValue parse(byte[] body) {
            try (var reader = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(body))) {
                return reader.readValue();
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final String ACCEPT = "application/json, text/html;q=0.9, */*;q=0.8";

    private final Map<String, List<String>> pathValues;
    private final Map<String, List<String>> queryValues;
    private final Map<String, String[]> callers;

    /**
     * @param pathValues values of each path parameter, by name or by "path prefix|name" (the {@code id} of
     *        {@code /api/referentiels/{id}} is not an activity's)
     * @param queryValues optional query parameters to try, besides leaving them out
     * @param callers request headers of each caller
     */
    ApiAnswers(Map<String, List<String>> pathValues, Map<String, List<String>> queryValues, Map<String, String[]> callers) {
        this.pathValues = pathValues;
        this.queryValues = queryValues;
        this.callers = callers;
    }

    /** The requests, "caller GET /path?query", in a stable order. */
    List<String> requests(TestApp app) {
        HttpResponse<String> openapi = app.get("/openapi", "Accept", "application/json");
        assertThat(openapi.statusCode()).isEqualTo(200);
        List<String> requests = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : Json.object(openapi.body()).getJsonObject("paths").entrySet()) {
            JsonObject get = path.getValue().asJsonObject().getJsonObject("get");
            if (get == null || path.getKey().contains("/audit")) {
                continue; // the audit trail grows with the comparison itself (each file read is a line)
            }
            for (String concrete : concrete(path.getKey(), get)) {
                for (String caller : callers.keySet()) {
                    requests.add(caller + " GET " + concrete);
                }
            }
        }
        return requests;
    }

    Map<String, Answer> ask(TestApp app, List<String> requests) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String request : requests) {
            String[] parts = request.split(" ", 3);
            HttpRequest.Builder builder = HttpRequest.newBuilder(app.uri(parts[2])).header("Accept", ACCEPT)
                    .header("Accept-Language", "fr");
            String[] headers = callers.get(parts[0]);
            for (int i = 0; i < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            HttpResponse<byte[]> response = send(app, builder.GET().build());
            answers.put(request, new Answer(response.statusCode(), header(response, "Content-Type"),
                    header(response, "ETag"), header(response, "Content-Disposition"), response.body()));
        }
        return answers;
    }

    private List<String> concrete(String template, JsonObject get) {
        List<String> paths = new ArrayList<>(List.of(""));
        Matcher parameter = PARAMETER.matcher(template);
        int end = 0;
        while (parameter.find()) {
            String literal = template.substring(end, parameter.start());
            List<String> values = values(template, parameter.group(1), parameter.group(2));
            List<String> longer = new ArrayList<>();
            for (String path : paths) {
                for (String value : values) {
                    longer.add(path + literal + value);
                }
            }
            paths = longer;
            end = parameter.end();
        }
        String tail = template.substring(end);
        List<String> concrete = new ArrayList<>();
        for (String path : paths) {
            concrete.add(path + tail);
            for (JsonValue declared : get.getJsonArray("parameters") == null ? List.<JsonValue>of()
                    : get.getJsonArray("parameters")) {
                JsonObject query = declared.asJsonObject();
                if ("query".equals(query.getString("in")) && queryValues.containsKey(query.getString("name"))) {
                    for (String value : queryValues.get(query.getString("name"))) {
                        concrete.add(path + tail + "?" + query.getString("name") + "="
                                + URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return concrete;
    }

    private List<String> values(String template, String name, String regex) {
        if (regex != null) { // JAX-RS alternatives such as {jwks: lti/jwks|\.well-known/jwks\.json}
            return Arrays.stream(regex.substring(1).strip().split("\\|")).map(v -> v.replace("\\", "")).toList();
        }
        for (Map.Entry<String, List<String>> byPrefix : pathValues.entrySet()) {
            String[] key = byPrefix.getKey().split("\\|");
            if (key.length == 2 && template.startsWith(key[0]) && key[1].equals(name)) {
                return byPrefix.getValue();
            }
        }
        List<String> values = pathValues.get(name);
        if (values == null) {
            throw new AssertionError("Pas de valeurs de test pour {" + name + "} de " + template
                    + " : ajoutez-en dans BackupRestoreContract.pathValues");
        }
        return values;
    }

    private static HttpResponse<byte[]> send(TestApp app, HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
