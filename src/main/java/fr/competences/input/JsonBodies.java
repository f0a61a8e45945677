package fr.competences.input;

import fr.competences.errors.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * Binds JSON request bodies to the endpoints' parameters (the application's records, JSON-P values, lists and maps),
 * in place of the server's readers, which let a body of the wrong shape through to a 500 ({@code null} or
 * {@code []} for a {@code JsonObject} parameter is an "argument type mismatch" in the server). Here:
 * <ul>
 * <li>JSON that does not parse (truncated, not UTF-8, nested deeper than {@link JsonInput#MAX_DEPTH}) is a 400;</li>
 * <li>an empty body or {@code null} reads as an empty object ({@code {}}) or list: the endpoint then says which
 * fields it misses, as for any incomplete body;</li>
 * <li>a value of the wrong shape ({@code []}, {@code 123} or {@code "text"} where an object is expected) is a 400;</li>
 * <li>a field of the wrong type for the record it is bound to is a 400 naming it, a number too large or not whole
 * for its field too ({@link NumberFields}).</li>
 * </ul>
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** Whether the body is JSON bound to a parameter type of the application (not text or bytes read as they are). */
    static boolean binds(Class<?> type, MediaType mediaType) {
        return mediaType != null && (mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json"))
                && isBindable(type);
    }

    private static boolean isBindable(Class<?> type) {
        return JsonValue.class.isAssignableFrom(type) || type.isRecord() || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type) || (type.isArray() && type != byte[].class)
                || type.getName().startsWith("fr.competences.");
    }

    /** The body bound to the parameter's type, or the 400 problem saying why it cannot be. */
    static Object read(Class<?> type, Type genericType, InputStream entity) throws IOException {
        boolean listExpected = JsonArray.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                || type.isArray();
        JsonValue value = parse(entity);
        if (value == null || value == JsonValue.NULL) {
            value = listExpected ? JsonValue.EMPTY_JSON_ARRAY : JsonValue.EMPTY_JSON_OBJECT;
        }
        boolean objectExpected = !listExpected && (JsonObject.class.isAssignableFrom(type)
                || !JsonValue.class.isAssignableFrom(type));
        if (objectExpected && value.getValueType() != JsonValue.ValueType.OBJECT
                || listExpected && value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw BodyProblems.wrongShape(objectExpected, value.getValueType().name());
        }
        if (JsonValue.class.isAssignableFrom(type)) {
            return value;
        }
        NumberFields.misfit(genericType, value, "").ifPresent(field -> {
            throw BodyProblems.numberMisfit(field);
        });
        try {
            return Binder.INSTANCE.fromJson(value.toString(), genericType);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonbException, or a number too large for its field: the client's body, not a bug of ours
            throw BodyProblems.wrongTypes(message(e));
        }
    }

    /** JSON-B, created on first use: JSON-P parameters do not need it. */
    private static final class Binder {
        static final Jsonb INSTANCE = JsonbBuilder.create();
    }

    /** The body's JSON value, or null when there is none (empty or blank). */
    private static JsonValue parse(InputStream entity) throws IOException {
        byte[] bytes = entity.readAllBytes();
        int start = startOfContent(bytes);
        if (start == bytes.length) {
            return null;
        }
        try {
            return JsonInput.read(new ByteArrayInputStream(bytes, start, bytes.length - start));
        } catch (JsonException e) {
            throw BodyProblems.malformed(message(e));
        }
    }

    /** Skips a UTF-8 byte order mark and white space. */
    private static int startOfContent(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (start < bytes.length && (bytes[start] == ' ' || bytes[start] == '\t' || bytes[start] == '\n'
                || bytes[start] == '\r')) {
            start++;
        }
        return start;
    }

    private static String message(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
