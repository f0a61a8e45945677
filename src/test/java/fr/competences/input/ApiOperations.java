package fr.competences.input;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations {@code /openapi} lists: what a client may call, with its parameters and request bodies. */
record ApiOperations(List<Operation> all) {

    /** One method on one path. {@code bodies}: media type → the property names and types of its schema. */
    record Operation(String method, String path, List<Parameter> parameters, Map<String, Map<String, String>> bodies,
            boolean admin) {

        boolean hasBody() {
            return !bodies.isEmpty();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** {@code in}: path, query or header. */
    record Parameter(String name, String in, String type) {
    }

    static ApiOperations of(JsonObject openApi) {
        JsonObject schemas = openApi.containsKey("components") && openApi.getJsonObject("components")
                .containsKey("schemas") ? openApi.getJsonObject("components").getJsonObject("schemas")
                : JsonValue.EMPTY_JSON_OBJECT;
        List<Operation> operations = new ArrayList<>();
        openApi.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, value) -> {
            if (!(value instanceof JsonObject operation) || !operation.containsKey("responses")) {
                return;
            }
            List<Parameter> parameters = new ArrayList<>();
            if (operation.get("parameters") instanceof jakarta.json.JsonArray list) {
                list.getValuesAs(JsonObject.class).forEach(p -> parameters.add(new Parameter(p.getString("name"),
                        p.getString("in"), type(resolve(p.getJsonObject("schema"), schemas)))));
            }
            Map<String, Map<String, String>> bodies = new LinkedHashMap<>();
            if (operation.get("requestBody") instanceof JsonObject body && body.get("content") instanceof JsonObject content) {
                content.forEach((mediaType, media) -> bodies.put(mediaType,
                        properties(resolve(media.asJsonObject().getJsonObject("schema"), schemas), schemas)));
            }
            boolean admin = operation.get("security") instanceof jakarta.json.JsonArray security && !security.isEmpty();
            operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path, parameters, bodies, admin));
        }));
        return new ApiOperations(List.copyOf(operations));
    }

    private static Map<String, String> properties(JsonObject schema, JsonObject schemas) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (schema != null && schema.get("properties") instanceof JsonObject declared) {
            declared.forEach((name, property) -> properties.put(name, type(resolve(property.asJsonObject(), schemas))));
        }
        return properties;
    }

    private static JsonObject resolve(JsonObject schema, JsonObject schemas) {
        if (schema != null && schema.get("$ref") instanceof JsonString ref) {
            String name = ref.getString().substring(ref.getString().lastIndexOf('/') + 1);
            return schemas.containsKey(name) ? schemas.getJsonObject(name) : JsonValue.EMPTY_JSON_OBJECT;
        }
        return schema;
    }

    private static String type(JsonObject schema) {
        if (schema == null || !schema.containsKey("type")) {
            return "object";
        }
        JsonValue type = schema.get("type");
        return type instanceof JsonString text ? text.getString()
                : type.asJsonArray().getValuesAs(JsonString.class).get(0).getString();
    }
}
