package fr.competences.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.errors.ProblemException;
import jakarta.ws.rs.Consumes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    @BodyLimit(1024)
    static class Resource {

        public void byDefaultOfTheClass() {
        }

        @BodyLimit(10)
        @Consumes({"*/*"})
        public void ownLimit() {
        }

        @Consumes("application/x-www-form-urlencoded")
        public void form() {
        }
    }

    static class Plain {

        @Consumes({"*/*", "application/json, text/csv"})
        public void json() {
        }
    }

    @Test
    void theMethodsLimitElseItsClassesElseTheDefault() throws NoSuchMethodException {
        assertThat(BodyLimitFilter.limit(Resource.class.getMethod("ownLimit"))).isEqualTo(10);
        assertThat(BodyLimitFilter.limit(Resource.class.getMethod("byDefaultOfTheClass"))).isEqualTo(1024);
        assertThat(BodyLimitFilter.limit(Plain.class.getMethod("json"))).isEqualTo(BodyLimitFilter.DEFAULT_BYTES);
        assertThat(BodyLimitFilter.limit(null)).isEqualTo(BodyLimitFilter.DEFAULT_BYTES);
    }

    @Test
    void aStreamPastItsLimitThrowsThe413() throws IOException {
        InputStream body = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 10);
        assertThat(body.readNBytes(10)).hasSize(10);
        assertThatThrownBy(body::read).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(413));

        InputStream exact = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10);
        assertThat(exact.readAllBytes()).hasSize(10);
        InputStream larger = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10);
        assertThatThrownBy(larger::readAllBytes).isInstanceOf(ProblemException.class);
    }

    @Test
    void theRefusalSaysTheLimitInUnitsPeopleRead() {
        assertThat(BodyProblems.tooLarge(10 * 1024 * 1024).detail().fr()).contains("10 Mo");
        assertThat(BodyProblems.tooLarge(64 * 1024).detail().en()).contains("64 KB");
        assertThat(BodyProblems.tooLarge(1000).detail().fr()).contains("1000 octets");
    }

    @Test
    void aBodylessRequestReadsAsTheFirstConcreteTypeTheEndpointConsumes() throws NoSuchMethodException {
        assertThat(ContentTypeFilter.consumed(Resource.class.getMethod("form")))
                .contains("application/x-www-form-urlencoded");
        assertThat(ContentTypeFilter.consumed(Resource.class.getMethod("ownLimit"))).isEmpty();
        assertThat(ContentTypeFilter.consumed(Plain.class.getMethod("json"))).contains("application/json");
        assertThat(ContentTypeFilter.consumed(Resource.class.getMethod("byDefaultOfTheClass"))).isEmpty();
    }
}
