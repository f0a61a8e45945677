package fr.competences.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;

/** Parses response bodies in tests. */
public final class Json {

    private Json() {
    }

    public static JsonObject object(String body) {
        return (JsonObject) parse(body);
    }

    public static JsonArray array(String body) {
        return (JsonArray) parse(body);
    }

    private static JsonStructure parse(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
