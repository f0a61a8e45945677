package fr.competences.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests no client should send, derived from what {@code /openapi} says an operation takes: truncated, empty and
 * deeply nested JSON, values of the wrong type in every field, huge strings, invalid UTF-8, wrong or missing content
 * types, odd parameters and headers.
 */
final class MalformedRequests {

    /** One request body and its content type ({@code null}: no Content-Type header). */
    record Body(String description, String contentType, byte[] bytes) {

        static Body of(String description, String contentType, String text) {
            return new Body(description, contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private MalformedRequests() {
    }

    /** Bodies for one declared media type of an operation, given its schema's properties (name → type). */
    static List<Body> bodies(String mediaType, Map<String, String> properties) {
        List<Body> bodies = new ArrayList<>();
        if (mediaType.contains("json") || mediaType.equals("*/*")) {
            bodies.addAll(json(properties));
        }
        if (mediaType.equals(FORM) || mediaType.equals("*/*")) {
            bodies.addAll(form(properties));
        }
        if (!mediaType.contains("json") && !mediaType.equals(FORM)) {
            bodies.addAll(raw(mediaType.equals("*/*") ? "application/octet-stream" : mediaType));
        }
        bodies.addAll(contentTypes(mediaType));
        return bodies;
    }

    /** Bodies sent to operations that take none: they must be ignored or refused, never break anything. */
    static List<Body> unexpected() {
        return List.of(Body.of("JSON inattendu", JSON, "{\"a\":"), Body.of("texte inattendu", "text/plain", "x"),
                new Body("octets inattendus", "application/octet-stream", new byte[] {(byte) 0xFF, 0, 1}));
    }

    static List<Body> json(Map<String, String> properties) {
        List<Body> bodies = new ArrayList<>();
        for (String text : List.of("", " ", "{", "}", "[", "{\"", "{\"a\":}", "{,}", "{'a':1}", "nul", "null", "[]",
                "[null]", "[{}]", "[[]]", "123", "-0", "1e999999", "99999999999999999999999999999", "\"texte\"",
                "true", "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}", "{}}",
                "{\"a\":1e309}", "{\"a\":" + "9".repeat(5000) + "}")) {
            bodies.add(Body.of("JSON " + abbreviate(text), JSON, text));
        }
        bodies.add(Body.of("objets imbriqués 1 000 fois", JSON, "{\"a\":".repeat(1000) + "1" + "}".repeat(1000)));
        bodies.add(Body.of("tableaux imbriqués 1 000 fois", JSON, "[".repeat(1000) + "]".repeat(1000)));
        bodies.add(Body.of("tableaux ouverts 50 000 fois", JSON, "[".repeat(50_000)));
        bodies.add(Body.of("texte de 900 000 caractères", JSON, "{\"a\":\"" + "é".repeat(450_000) + "\"}"));
        bodies.add(Body.of("tableau de 100 000 éléments", JSON, "[" + "0,".repeat(100_000) + "0]"));
        bodies.add(new Body("UTF-8 invalide", JSON, new byte[] {'{', '"', (byte) 0xC3, '(', '"', ':', '1', '}'}));
        bodies.add(new Body("octets quelconques", JSON, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 1, (byte) 0x80}));
        bodies.add(new Body("octet nul", JSON, new byte[] {0}));
        properties.forEach((name, type) -> {
            for (String value : wrongValues(type)) {
                bodies.add(Body.of("champ " + name + " = " + abbreviate(value), JSON,
                        "{\"" + name + "\":" + value + "}"));
            }
        });
        return bodies;
    }

    /** Values of another type than the field's, or of its type but absurd. */
    private static List<String> wrongValues(String type) {
        List<String> values = new ArrayList<>(List.of("null", "-1", "99999999999999999999999", "1.5", "true", "\"x\"",
                "[]", "{}", "[{}]", "{\"a\":{}}"));
        if (type.equals("string")) {
            values.add("\"" + "a".repeat(20_000) + "\"");
            values.add("\"\\u0000\\r\\n\\u202e\"");
            values.add("\"\"");
        }
        return values;
    }

    static List<Body> form(Map<String, String> properties) {
        List<Body> bodies = new ArrayList<>();
        for (String text : List.of("", "=", "&&&", "a", "a=%ZZ", "a=%", "%FF=%FE", "a=b=c", "lti_session=%00")) {
            bodies.add(Body.of("formulaire " + abbreviate(text), FORM, text));
        }
        bodies.add(Body.of("formulaire de 200 000 octets", FORM, "a=" + "b".repeat(200_000)));
        bodies.add(new Body("formulaire en UTF-8 invalide", FORM, new byte[] {'a', '=', (byte) 0xC3, '('}));
        properties.keySet().forEach(name -> {
            for (String value : List.of("", "%00", "%0D%0A", "x".repeat(5000), "%FF%FE", "[]", "null", "-1",
                    "99999999999999999999")) {
                bodies.add(Body.of("champ " + name + " = " + abbreviate(value), FORM, name + "=" + value));
            }
        });
        return bodies;
    }

    static List<Body> raw(String contentType) {
        return List.of(new Body("vide", contentType, new byte[0]),
                new Body("un octet", contentType, new byte[] {1}),
                new Body("ZIP tronqué", contentType, new byte[] {'P', 'K', 3, 4, 0, 0, 0}),
                new Body("ZIP sans entrée", contentType, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0, 0, 0, 0, 0}),
                Body.of("PDF réduit à son en-tête", contentType, "%PDF-"),
                new Body("UTF-8 invalide", contentType, new byte[] {'a', (byte) 0xC3, '(', 'b'}),
                Body.of("texte", contentType, "Code,Titre\n\"non fermé"));
    }

    /** The operation's body sent with another, a malformed or no Content-Type. */
    static List<Body> contentTypes(String declared) {
        List<Body> bodies = new ArrayList<>();
        String sample = declared.equals(FORM) ? "a=1" : "{}";
        for (String type : List.of("text/plain", "application/xml", FORM, "multipart/form-data",
                "multipart/form-data; boundary=x", "garbage", "application/json; charset=klingon",
                "application/json; charset=UTF-16", "application/json;;;", "*/*", "application/problem+json")) {
            if (!type.equals(declared)) {
                bodies.add(Body.of("Content-Type " + type, type, sample));
            }
        }
        bodies.add(Body.of("sans Content-Type", null, sample));
        bodies.add(new Body("sans Content-Type ni corps", null, null));
        return bodies;
    }

    /** Values for a path, query or header parameter that do not fit it. */
    static List<String> parameterValues(String in) {
        List<String> values = new ArrayList<>(List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%20",
                "%E2%80%AE", "%C3%A9", "x".repeat(3000)));
        if (!in.equals("path")) {
            values.addAll(List.of("", "%00", "%0D%0A", "%FF%FE"));
        }
        return values;
    }

    /** Headers that parse badly, sent to every operation. */
    static Map<String, String> oddHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Language", ";;;===");
        headers.put("Accept", "application/json;q=abc");
        headers.put("If-Match", "W/\"");
        headers.put("Content-Language", "%%%");
        headers.put("X-Lti-Session", "a.b.c");
        headers.put("Authorization", "Bearer");
        return headers;
    }

    static String abbreviate(String text) {
        String visible = text.replace("\u0000", "\\0");
        return visible.length() <= 40 ? visible : visible.substring(0, 37) + "…(" + text.length() + ")";
    }
}
