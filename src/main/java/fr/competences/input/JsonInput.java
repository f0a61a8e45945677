package fr.competences.input;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads JSON that comes from outside (request bodies, imported files, platforms' answers). Nesting is limited to
 * {@value #MAX_DEPTH} levels (the parser's own limit is 1,000 and it then throws a bare RuntimeException), bytes must
 * be UTF-8, and every failure is a {@link JsonException} (a {@link JsonParsingException} when the parser knows
 * where), so that callers catch one type and answer with a client error, never an internal one.
 */
public final class JsonInput {

    /** Deeper than any document the tool reads (a CASE package is 4 levels deep), shallow enough to stay cheap. */
    public static final int MAX_DEPTH = 64;
    static final int MAX_DIGITS = 100;
    static final int MAX_SCALE = 400;
    // the parser refuses a depth equal to its setting
    private static final JsonParserFactory PARSERS = Json.createParserFactory(
            Map.of("org.eclipse.parsson.maxDepth", MAX_DEPTH + 1));

    private JsonInput() {
    }

    /** The JSON value of this text; a JsonException if it is not exactly one well-formed JSON value. */
    public static JsonValue read(Reader json) {
        try (JsonParser parser = PARSERS.createParser(json)) {
            if (!parser.hasNext()) {
                throw new JsonException("No JSON value");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("More than one JSON value");
            }
            checkValues(value);
            return value;
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // the parser reports too deep a nesting, among others, as a plain RuntimeException
            throw new JsonException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /**
     * Numbers within what a double holds, with at most {@value #MAX_DIGITS} digits: {@code 1e999999} read as an int
     * would cost minutes of CPU, and the parser refuses numbers of over 1,100 characters only when they are read.
     * Texts without the NUL character, which no text column of PostgreSQL can hold.
     */
    private static void checkValues(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((name, member) -> {
                checkText(name);
                checkValues(member);
            });
            case ARRAY -> value.asJsonArray().forEach(JsonInput::checkValues);
            case STRING -> checkText(((JsonString) value).getString());
            case NUMBER -> {
                BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                if (number.precision() > MAX_DIGITS || Math.abs(number.scale()) > MAX_SCALE) {
                    throw new JsonException("Number out of range: " + value.toString().substring(0,
                            Math.min(20, value.toString().length())) + "…");
                }
            }
            default -> {
                // strings, booleans and null are as they are
            }
        }
    }

    private static void checkText(String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw new JsonException("A text holds the NUL character (\\u0000)");
        }
    }

    /** The same from bytes, which must be UTF-8 (RFC 8259); invalid bytes are refused, not replaced. */
    public static JsonValue read(InputStream json) {
        return read(new InputStreamReader(json, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /** A JSON object; a JsonException for any other value. */
    public static jakarta.json.JsonObject readObject(Reader json) {
        JsonValue value = read(json);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new JsonException("A JSON object is expected, not " + value.getValueType());
        }
        return value.asJsonObject();
    }
}
