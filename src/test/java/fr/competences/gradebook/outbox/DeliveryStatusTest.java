package fr.competences.gradebook.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void anEmptyAnswerFromMoodleIsNotQuotedToTheTeacher() {
        assertThat(DeliveryStatus.failure(400, "[]").fr())
                .isEqualTo("Moodle refuse la note : seuls les étudiants inscrits au cours avec un rôle noté peuvent en "
                        + "recevoir une.")
                .doesNotContain("[]", "«");
        assertThat(DeliveryStatus.failure(400, " {} ").en()).doesNotContain("{}", "\"\"");
        assertThat(DeliveryStatus.describe(500, "[]", true)).isEqualTo("HTTP 500");
        assertThat(DeliveryStatus.describe(503, "", false)).isEqualTo("HTTP 503");
    }

    @Test
    void whatMoodleSaidIsQuotedWhenItSaidSomething() {
        assertThat(DeliveryStatus.failure(400, "User not found").fr()).startsWith("Moodle refuse la note (« User not found »)");
        assertThat(DeliveryStatus.describe(500, "Internal error", true)).isEqualTo("HTTP 500: Internal error");
        assertThat(DeliveryStatus.describe(null, "timeout", false)).isEqualTo("pas de réponse : timeout");
    }
}
