package fr.competences.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Claims of unexpected types are named refusals, never a ClassCastException (a 500); the locale, which only picks the
 * pages' language, is read leniently.
 */
class ClaimsTest {

    @Test
    void readsStringsNumbersListsAndObjects() {
        Claims claims = claims(new JWTClaimsSet.Builder().subject("42").claim("n", 7)
                .claim(Claims.ROLES, "Learner").claim(Claims.CONTEXT, Map.of("id", "C1", "label", 3)).build());

        assertThat(claims.identifier("sub")).isEqualTo("42");
        assertThat(claims.optional("n")).contains("7");
        assertThat(claims.strings(Claims.ROLES)).contains(List.of("Learner"));
        assertThat(claims.requiredObject(Claims.CONTEXT).optional("label")).contains("3");
    }

    @Test
    void wrongTypesAndMissingClaimsAreNamedRefusals() {
        Claims claims = claims(new JWTClaimsSet.Builder().claim("sub", List.of("a")).claim(Claims.CONTEXT, "C1")
                .claim(Claims.ROLES, List.of("Learner", 3)).claim("long", "x".repeat(256)).build());

        assertRefused(() -> claims.identifier("sub"), LtiError.CLAIM_INVALID);
        assertRefused(() -> claims.requiredObject(Claims.CONTEXT), LtiError.CLAIM_INVALID);
        assertRefused(() -> claims.strings(Claims.ROLES), LtiError.CLAIM_INVALID);
        assertRefused(() -> claims.identifier("long"), LtiError.CLAIM_INVALID);
        assertRefused(() -> claims.required(Claims.MESSAGE_TYPE), LtiError.CLAIM_MISSING);
    }

    @Test
    void theLocaleIsReadFromTheLaunchPresentationAndAMalformedOneIsLeftOut() {
        assertThat(claims(new JWTClaimsSet.Builder().claim(Claims.LAUNCH_PRESENTATION,
                Map.of("locale", "en_us", "document_target", "iframe")).build()).locale()).contains("en_us");
        assertThat(claims(new JWTClaimsSet.Builder().build()).locale()).isEmpty();
        assertThat(claims(new JWTClaimsSet.Builder().claim(Claims.LAUNCH_PRESENTATION, Map.of("locale", 3)).build())
                .locale()).isEmpty();
        assertThat(claims(new JWTClaimsSet.Builder().claim(Claims.LAUNCH_PRESENTATION, "en").build()).locale())
                .isEmpty();
    }

    @Test
    void anUnverifiedTokenIsReadOnlyWhenItIsAJwtOfReasonableSize() {
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder()
                .claim(Claims.LAUNCH_PRESENTATION, Map.of("locale", "en")).build()).serialize();

        assertThat(Claims.unverified(unsigned).flatMap(Claims::locale)).contains("en");
        assertThat(Claims.unverified(null)).isEmpty();
        assertThat(Claims.unverified("pas un jeton")).isEmpty();
        assertThat(Claims.unverified(unsigned + "x".repeat(LaunchValidator.MAX_TOKEN_LENGTH))).isEmpty();
    }

    private static Claims claims(JWTClaimsSet set) {
        return new Claims(set);
    }

    private static void assertRefused(Runnable read, LtiError error) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(LtiException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}
