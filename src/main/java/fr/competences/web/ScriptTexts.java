package fr.competences.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** The UI texts the pages' scripts need (keys {@code js_*} of messages), as JSON for a data attribute. */
final class ScriptTexts {

    private static final String PREFIX = "js_";

    private ScriptTexts() {
    }

    static String json(Map<String, String> texts) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        texts.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                json.add(key.substring(PREFIX.length()), value);
            }
        });
        return json.build().toString();
    }
}
