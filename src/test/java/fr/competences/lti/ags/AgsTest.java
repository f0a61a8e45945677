package fr.competences.lti.ags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import fr.competences.lti.platform.MoodleServices;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgsTest {

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    AgsFixture ags = new AgsFixture(MoodleServices.COLUMN_MANAGEMENT);
    String lineItem = ags.moodle.addActivityLineItem("2", "11", "TP sauvegardes", new BigDecimal("20"));

    @AfterEach
    void stop() {
        ags.close();
    }

    @Test
    void postsTheScoreWithItsMediaTypeAndEveryFieldBeforeTheQueryString() {
        ags.moodle.enrol("2", "42", "Ada", LEARNER, "Active");
        Instant at = Instant.parse("2026-11-30T08:15:30.120Z");
        ServiceResponse response = ags.scores().post(ags.platform, lineItem,
                Score.graded("42", new BigDecimal("16.67"), new BigDecimal("20"), at, "B2.1.3 Acquis\nB2.1.4 Maîtrisé"));

        assertThat(response.successful()).as(response.toString()).isTrue();
        MoodleServices.ReceivedScore received = ags.moodle.scores().getFirst();
        assertThat(received.contentType()).isEqualTo("application/vnd.ims.lis.v1.score+json");
        JsonObject body = received.body();
        assertThat(body.keySet()).containsExactlyInAnyOrder("userId", "scoreGiven", "scoreMaximum", "activityProgress",
                "gradingProgress", "timestamp", "comment");
        assertThat(body.getString("userId")).isEqualTo("42");
        assertThat(body.getJsonNumber("scoreGiven").bigDecimalValue()).isEqualByComparingTo("16.67");
        assertThat(body.getJsonNumber("scoreMaximum").bigDecimalValue()).isEqualByComparingTo("20");
        assertThat(body.getString("activityProgress")).isEqualTo("Completed");
        assertThat(body.getString("gradingProgress")).isEqualTo("FullyGraded");
        assertThat(body.getString("timestamp")).isEqualTo("2026-11-30T08:15:30.120Z");
        assertThat(ags.moodle.grade(lineItem, "42").feedback()).isEqualTo("B2.1.3 Acquis\nB2.1.4 Maîtrisé");
    }

    @Test
    void moodleRulesShowThroughTheStatus() {
        ags.moodle.enrol("2", "42", "Ada", LEARNER, "Active");
        ags.moodle.enrol("2", "7", "Prof", INSTRUCTOR, "Active");
        Instant at = Instant.parse("2026-11-30T08:15:30.120Z");
        Scores scores = ags.scores();
        assertThat(scores.post(ags.platform, lineItem, Score.graded("42", BigDecimal.TEN, BigDecimal.TEN, at, "x"))
                .status()).isEqualTo(200);
        // same second: Moodle refuses (P-9.3)
        assertThat(scores.post(ags.platform, lineItem, Score.graded("42", BigDecimal.ONE, BigDecimal.TEN,
                at.plusMillis(500), "x")).status()).isEqualTo(409);
        // a teacher is not gradable (P-9.1)
        assertThat(scores.post(ags.platform, lineItem, Score.graded("7", BigDecimal.ONE, BigDecimal.TEN, at, "x"))
                .message()).contains("Incorrect score received");
        // withdrawn: Pending clears the grade (P-9.2)
        assertThat(scores.post(ags.platform, lineItem, Score.withdrawn("42", BigDecimal.TEN, at.plusSeconds(1)))
                .status()).isEqualTo(200);
        assertThat(ags.moodle.grade(lineItem, "42").finalGrade()).isNull();
    }

    @Test
    void reusesTheTokenPerScopeSetAndRefreshesOnceOn401() throws Exception {
        ags.moodle.enrol("2", "42", "Ada", LEARNER, "Active");
        Scores scores = ags.scores();
        Instant at = Instant.now();
        for (int i = 0; i < 5; i++) {
            scores.post(ags.platform, lineItem, Score.graded("42", BigDecimal.ONE, BigDecimal.TEN, at.plusSeconds(i), "x"));
        }
        assertThat(ags.moodle.tokenRequests()).isEqualTo(1);

        ags.moodle.revokeTokens();
        assertThat(scores.post(ags.platform, lineItem, Score.graded("42", BigDecimal.ONE, BigDecimal.TEN,
                at.plusSeconds(10), "x")).status()).isEqualTo(200);
        assertThat(ags.moodle.tokenRequests()).isEqualTo(2);

        ags.results().list(ags.platform, lineItem); // another scope set, another token
        assertThat(ags.moodle.tokenRequests()).isEqualTo(3);
        assertThat(ags.tokens.requestCount()).isEqualTo(3);
    }

    @Test
    void eachPlatformGetsItsOwnTokenFromItsOwnEndpoint() {
        var other = ags.anotherPlatform(MoodleServices.COLUMN_MANAGEMENT);
        String first = ags.tokens.token(ags.platform, java.util.Set.of(Scores.SCOPE));
        String second = ags.tokens.token(other, java.util.Set.of(Scores.SCOPE));
        assertThat(second).isNotEqualTo(first);
        assertThat(ags.moodle.tokenRequests()).isEqualTo(1);
        assertThat(ags.other().tokenRequests()).isEqualTo(1);
        assertThat(ags.tokens.token(ags.platform, java.util.Set.of(Scores.SCOPE))).isEqualTo(first);
    }

    @Test
    void clientAssertionNamesTheToolAndTheTokenEndpoint() throws Exception {
        SignedJWT assertion = SignedJWT.parse(ags.tokens.assertion(ags.platform));
        var claims = assertion.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("tool-client");
        assertThat(claims.getSubject()).isEqualTo("tool-client");
        assertThat(claims.getAudience()).containsExactly(ags.moodle.tokenEndpoint());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(60_000);
        assertThat(claims.getJWTID()).isNotEqualTo(SignedJWT.parse(ags.tokens.assertion(ags.platform))
                .getJWTClaimsSet().getJWTID());
        assertThat(assertion.getHeader().getKeyID()).isNotBlank();
    }

    @Test
    void readsEveryPageOfResultsAndKeepsAZeroGradeWithoutScore() {
        Scores scores = ags.scores();
        for (int user = 1; user <= 650; user++) {
            ags.moodle.enrol("2", "u" + user, "U" + user, LEARNER, "Active");
        }
        Instant at = Instant.now();
        for (int user = 1; user <= 650; user++) {
            scores.post(ags.platform, lineItem, Score.graded("u" + user, BigDecimal.valueOf(user % 3), BigDecimal.TEN,
                    at, "c"));
        }
        List<Results.Result> results = ags.results().list(ags.platform, lineItem); // limit 500: two pages, “next”
        assertThat(results).hasSize(650);
        assertThat(results).filteredOn(r -> r.userId().equals("u3")).singleElement()
                .extracting(Results.Result::resultScore).isNull();
        assertThat(results).filteredOn(r -> r.userId().equals("u2")).singleElement()
                .satisfies(r -> assertThat(r.resultScore()).isEqualByComparingTo("4")); // rescaled to 20
    }

    @Test
    void findsOrCreatesLineItemsAndReportsGradeSyncOnly() {
        LineItems lineItems = ags.lineItems();
        assertThat(lineItems.ofResourceLink(ags.platform, ags.moodle.lineItemsUrl("2"), "11"))
                .extracting(LineItems.LineItem::id).containsExactly(lineItem);
        LineItems.LineItem created = lineItems.create(ags.platform, ags.moodle.lineItemsUrl("2"),
                new LineItems.LineItem(null, "B1 Support", new BigDecimal("3"), null, "B1", "competence"));
        assertThat(created.id()).contains("/lineitem?type_id=");
        assertThat(created.tag()).isEqualTo("competence");

        // "grade sync only": Moodle grants no lineitem scope, so the token request itself is refused (P-6)
        try (AgsFixture syncOnly = new AgsFixture(MoodleServices.GRADE_SYNC_ONLY)) {
            assertThatThrownBy(() -> syncOnly.lineItems().create(syncOnly.platform, syncOnly.moodle.lineItemsUrl("2"),
                    new LineItems.LineItem(null, "X", BigDecimal.TEN, "11", null, null)))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.platformMessage())
                            .contains("invalid_scope"));
        }
    }

    @Test
    void unreachablePlatformIsStatusZero() {
        ags.moodle.close();
        assertThatThrownBy(() -> ags.scores().post(ags.platform, lineItem,
                Score.graded("42", BigDecimal.ONE, BigDecimal.TEN, Instant.now(), "x")))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isZero());
    }

    /** Token endpoint, scores and memberships go through the outbound guard: with its defaults, loopback is refused. */
    @Test
    void withTheDefaultOutboundRulesNothingIsSentToLoopback() {
        ags.tokens.http = new fr.competences.lti.outbound.OutboundHttp(fr.competences.lti.outbound.OutboundRules.DEFAULT);
        ags.moodle.enrol("2", "42", "Ada", LEARNER, "Active");

        assertThatThrownBy(() -> ags.scores().post(ags.platform, lineItem,
                Score.graded("42", BigDecimal.ONE, BigDecimal.TEN, Instant.now(), "x")))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("refus");
        assertThat(ags.moodle.tokenRequests()).isZero();
        assertThat(ags.moodle.scores()).isEmpty();
    }
}
