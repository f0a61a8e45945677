package fr.competences.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InstanceNameTest {

    @Test
    void twoRunsOfOneNodeShareTheNodeButNotTheId() {
        InstanceName first = InstanceName.of("app-1", 8080);
        InstanceName restarted = InstanceName.of("app-1", 8080);

        assertThat(restarted.node()).isEqualTo(first.node()).isEqualTo("app-1:8080");
        assertThat(restarted.id()).isNotEqualTo(first.id()).startsWith("app-1:8080/");
        assertThat(matches(restarted.previousRunsPattern(), first.id())).isTrue();
    }

    @Test
    void anotherPortOrAHostWhoseNameStartsTheSameIsAnotherNode() {
        InstanceName node = InstanceName.of("app", 8080);

        assertThat(matches(node.previousRunsPattern(), InstanceName.of("app", 8081).id())).isFalse();
        assertThat(matches(node.previousRunsPattern(), InstanceName.of("app", 80800).id())).isFalse();
        assertThat(matches(node.previousRunsPattern(), InstanceName.of("app-2", 8080).id())).isFalse();
    }

    @Test
    void likeWildcardsInAHostNameAreTakenLiterally() {
        InstanceName node = InstanceName.of("web_1%", 8080);

        assertThat(node.previousRunsPattern()).isEqualTo("web\\_1\\%:8080/%");
        assertThat(matches(node.previousRunsPattern(), InstanceName.of("web_1%", 8080).id())).isTrue();
        assertThat(matches(node.previousRunsPattern(), InstanceName.of("webX1Y", 8080).id())).isFalse();
    }

    @Test
    void aLongHostNameIsCutSoThatTheIdFitsTheLeaseColumn() {
        InstanceName node = InstanceName.of("h".repeat(250), 65535);

        assertThat(node.id()).hasSizeLessThanOrEqualTo(100).endsWith(node.id().substring(node.node().length()));
        assertThat(matches(node.previousRunsPattern(), InstanceName.of("h".repeat(250), 65535).id())).isTrue();
    }

    /** SQL {@code like} with {@code escape '\'}, as the database evaluates the pattern. */
    private static boolean matches(String like, String value) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
