package fr.competences.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonInputTest {

    @Test
    void readsOneWellFormedValue() {
        assertThat(JsonInput.read(new StringReader("{\"a\":[1,2.5,\"é\"]}")).asJsonObject().getJsonArray("a"))
                .hasSize(3);
        assertThat(JsonInput.read(new StringReader("null"))).isEqualTo(JsonValue.NULL);
        assertThat(JsonInput.readObject(new StringReader("{}"))).isEmpty();
    }

    @Test
    void everyFailureIsAJsonException() {
        for (String bad : new String[] {"", "{", "{\"a\":}", "{'a':1}", "[1,]", "nul", "{}}",
                "[".repeat(65) + "]".repeat(65), "{\"a\":".repeat(1000) + "1" + "}".repeat(1000), "[".repeat(100_000),
                "1e999999", "[" + "9".repeat(5000) + "]", "{\"a\":1e-999}", "{\"a\":\"x\\u0000\"}",
                "{\"\\u0000\":1}"}) {
            assertThatThrownBy(() -> JsonInput.read(new StringReader(bad))).as(bad.length() > 30 ? bad.substring(0, 30)
                    : bad).isInstanceOf(JsonException.class);
        }
        assertThatThrownBy(() -> JsonInput.readObject(new StringReader("[]"))).isInstanceOf(JsonException.class);
    }

    @Test
    void theNulCharacterIsRefusedInFormsAndQueriesToo() {
        assertThat(NulCharacterFilter.holdsNul("text=a%00b")).isTrue();
        assertThat(NulCharacterFilter.holdsNul("name=\u0000")).isTrue();
        assertThat(NulCharacterFilter.holdsNul("text=100%2500&b=%0A")).isFalse();
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        String deep = "[".repeat(JsonInput.MAX_DEPTH) + "]".repeat(JsonInput.MAX_DEPTH);
        assertThat(JsonInput.read(new StringReader(deep))).isNotNull();
        String deeper = "[" + deep + "]";
        assertThatThrownBy(() -> JsonInput.read(new StringReader(deeper))).isInstanceOf(JsonException.class);
    }

    @Test
    void bytesMustBeUtf8() {
        assertThat(JsonInput.read(new ByteArrayInputStream("{\"a\":\"été\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .asJsonObject().getString("a")).isEqualTo("été");
        assertThatThrownBy(() -> JsonInput.read(new ByteArrayInputStream(new byte[] {'{', '"', (byte) 0xC3, '(', '"',
                ':', '1', '}'}))).isInstanceOf(JsonException.class);
    }
}
