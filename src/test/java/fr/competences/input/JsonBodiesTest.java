package fr.competences.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.errors.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    public record Draft(String title, Integer score, List<String> skills) {
    }

    public record Sheet(Map<String, Integer> levels, List<Double> weights) {
    }

    @Test
    void bindsTheApplicationsTypesOnlyAndJsonOnly() {
        assertThat(JsonBodies.binds(Draft.class, MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(JsonBodies.binds(JsonObject.class, new MediaType("application", "problem+json"))).isTrue();
        assertThat(JsonBodies.binds(String.class, MediaType.APPLICATION_JSON_TYPE)).as("imported files").isFalse();
        assertThat(JsonBodies.binds(java.io.InputStream.class, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(JsonBodies.binds(Draft.class, MediaType.TEXT_PLAIN_TYPE)).isFalse();
        assertThat(JsonBodies.binds(Draft.class, null)).isFalse();
    }

    @Test
    void anEmptyBodyOrNullIsAnEmptyObjectOrList() throws IOException {
        assertThat(read(JsonObject.class, "")).isEqualTo(JsonObject.EMPTY_JSON_OBJECT);
        assertThat(read(JsonObject.class, " null ")).isEqualTo(JsonObject.EMPTY_JSON_OBJECT);
        assertThat(read(JsonArray.class, "")).isEqualTo(JsonArray.EMPTY_JSON_ARRAY);
        assertThat(read(Draft.class, "\uFEFF")).isEqualTo(new Draft(null, null, null));
    }

    @Test
    void aBodyOfTheWrongShapeIsA400() {
        for (String body : new String[] {"[]", "123", "\"texte\"", "true"}) {
            assertRefused(() -> read(JsonObject.class, body), 400, "objet JSON");
            assertRefused(() -> read(Draft.class, body), 400, "objet JSON");
        }
        assertRefused(() -> read(JsonArray.class, "{}"), 400, "tableau JSON");
    }

    @Test
    void malformedJsonAndWrongTypesAre400s() {
        assertRefused(() -> read(Draft.class, "{"), 400, "mal formé");
        assertRefused(() -> read(JsonObject.class, "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400,
                "64 niveaux");
        assertRefused(() -> read(Draft.class, "{\"score\":\"beaucoup\"}"), 400, "type attendu");
        assertRefused(() -> read(Draft.class, "{\"skills\":{}}"), 400, "type attendu");
        assertRefused(() -> read(Draft.class, "{\"score\":99999999999999999999}"), 400, "« score »");
        assertRefused(() -> read(Draft.class, "{\"score\":1.5}"), 400, "nombre entier");
        assertRefused(() -> read(Sheet.class, "{\"levels\":{\"B1\":2,\"B2\":3000000000}}"), 400, "« levels.B2 »");
        assertRefused(() -> read(Sheet.class, "{\"weights\":[1.5,1e309]}"), 400, "« weights[1] »");
    }

    @Test
    void bindsRecords() throws IOException {
        assertThat(read(Draft.class, "{\"title\":\"TP\",\"score\":20,\"skills\":[\"B1\"],\"other\":1}"))
                .isEqualTo(new Draft("TP", 20, List.of("B1")));
        assertThat(read(Sheet.class, "{\"levels\":{\"B1\":2},\"weights\":[1.5,2]}"))
                .isEqualTo(new Sheet(Map.of("B1", 2), List.of(1.5, 2.0)));
        Type mapType = Map.class;
        assertThat(JsonBodies.read(Map.class, mapType, stream("{\"a\":\"b\"}"))).isEqualTo(Map.of("a", "b"));
    }

    private static Object read(Class<?> type, String body) throws IOException {
        return JsonBodies.read(type, type, stream(body));
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
            String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.detail().fr()).contains(detail);
        });
    }
}
