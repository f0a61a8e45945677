package fr.competences.lti;

import static fr.competences.lti.platform.Launch.INSTRUCTOR;
import static fr.competences.lti.platform.Launch.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.HtmlForm;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Launch.User;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.SigningKeys;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every launch the tool must refuse, named after the 1EdTech certification cases: each gets a 4xx page with its
 * message, is logged with its reason, and leaves no session (no redirect, no token, no member stored). These
 * checks run before any database-specific code, so they run on H2 only; the accepted flow runs on both databases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaunchRejectionsIT {

    static final String COURSE = "R1";
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private final AtomicInteger users = new AtomicInteger(900);

    TestPlatform platform;
    ToolRegistration tool;

    TestApp app() {
        return TestApps.h2();
    }

    @BeforeAll
    void registerPlatform() {
        platform = TestPlatform.start();
        tool = Registrar.register(app(), platform);
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    @Test
    void badSignature() {
        RSAKey impostor = SigningKeys.generate();
        Launch launch = learner().forged((claims, keys) -> sign(claims, impostor, keys.current().getKeyID()));

        assertRefused(launch, 401, "lti-signature-invalid", "La signature du jeton d’identité est invalide");
    }

    @Test
    void unknownKidThenRotatedKeyIsAcceptedAndRefetchesAreRateLimited() throws InterruptedException {
        assertThat(new Browser().launch(platform, learner()).status()).isEqualTo(200);
        int fetches = platform.jwksFetches();
        Thread.sleep(2_100); // the tool refetches a platform's keys at most every 2 s

        platform.keys().rotate();
        assertThat(new Browser().launch(platform, learner()).status()).as("clé tournée acceptée").isEqualTo(200);
        assertThat(platform.jwksFetches()).isEqualTo(fetches + 1);

        // Forged kids sent together wait for the next allowed read and share it (one, or two for a late browser).
        RSAKey unpublished = SigningKeys.generate();
        Launch forgedKid = learner().forged((claims, keys) -> sign(claims, unpublished, unpublished.getKeyID()));
        try (ExecutorService browsers = Executors.newFixedThreadPool(8)) {
            List<Future<?>> refusals = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                refusals.add(browsers.submit(() -> assertRefused(forgedKid, 401, "lti-key-unknown",
                        unpublished.getKeyID())));
            }
            for (Future<?> refusal : refusals) {
                refusal.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
        assertThat(platform.jwksFetches()).as("lectures pour 8 clés inconnues").isBetween(fetches + 2, fetches + 3);
    }

    @Test
    void genuineRotationRightAfterAForgedKidIsAccepted() {
        RSAKey unpublished = SigningKeys.generate();
        Launch forgedKid = learner().forged((claims, keys) -> sign(claims, unpublished, unpublished.getKeyID()));
        assertRefused(forgedKid, 401, "lti-key-unknown", unpublished.getKeyID());
        int fetches = platform.jwksFetches();

        platform.keys().rotate(); // within the 2 s in which the forged kid's read forbids another
        assertThat(new Browser().launch(platform, learner()).status()).as("clé tournée acceptée").isEqualTo(200);
        assertThat(platform.jwksFetches()).isEqualTo(fetches + 1);
    }

    @Test
    void algNone() {
        Launch launch = learner().forged((claims, keys) -> new PlainJWT(claims).serialize());

        assertRefused(launch, 401, "lti-algorithm-refused", "« none »");
    }

    @Test
    void hs256WithThePlatformPublicKeyAsSecret() {
        Launch launch = learner().forged((claims, keys) -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(keys.current().getKeyID()).build(), claims);
                jwt.sign(new MACSigner(keys.current().toRSAPublicKey().getEncoded()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });

        assertRefused(launch, 401, "lti-algorithm-refused", "« HS256 »");
    }

    @Test
    void wrongAudience() {
        assertRefused(learner().tampered(claims -> claims.audience("un-autre-outil")), 401, "lti-audience-mismatch",
                tool.clientId());
    }

    @Test
    void severalAudiencesWithoutAuthorizedParty() {
        assertRefused(learner().tampered(claims -> claims.audience(List.of(tool.clientId(), "autre"))), 401,
                "lti-authorized-party-mismatch", "azp");
    }

    @Test
    void wrongIssuer() {
        assertRefused(learner().tampered(claims -> claims.issuer("https://moodle.ailleurs.test")), 401,
                "lti-issuer-mismatch", "https://moodle.ailleurs.test");
    }

    @Test
    void expiredToken() {
        Instant past = Instant.now().minusSeconds(200);
        assertRefused(learner().tampered(claims -> claims.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))), 401, "lti-token-expired", "a expiré");
    }

    @Test
    void expiredWithinTheLeewayIsAccepted() {
        Instant past = Instant.now().minusSeconds(80);
        Page page = new Browser().launch(platform, learner().tampered(claims -> claims.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
    }

    @Test
    void issuedAtInTheFuture() {
        Instant future = Instant.now().plusSeconds(120);
        assertRefused(learner().tampered(claims -> claims.issueTime(Date.from(future))
                .expirationTime(Date.from(future.plusSeconds(60)))), 401, "lti-token-not-yet-valid", "futur");
    }

    @Test
    void replayedNonce() {
        Browser browser = new Browser();
        Page platformAnswer = browser.untilPlatformAnswer(platform, learner());
        HtmlForm post = platformAnswer.form("ltiAuthForm").orElseThrow();
        assertThat(browser.recoverIfAsked(browser.submit(post)).status()).isEqualTo(303);

        Page replay = browser.recoverIfAsked(browser.submit(post));

        assertNoSession(replay, 401, "lti-nonce-replayed", "déjà été utilisé");
    }

    @Test
    void missingState() {
        Page page = new Browser().untilLaunchAnswer(platform, learner(), form -> form.without("state"));

        assertNoSession(page, 400, "lti-state-missing", "ne contient pas de paramètre state");
    }

    @Test
    void mismatchedStateFromAnotherBrowser() {
        HtmlForm other = new Browser().untilPlatformAnswer(platform, learner()).form("ltiAuthForm").orElseThrow();

        Page page = new Browser().untilLaunchAnswer(platform, learner(),
                form -> form.with("state", other.fields().get("state")));

        assertNoSession(page, 401, "lti-state-not-from-this-browser", "ne peut pas être rattaché à ce navigateur");
        assertThat(page.body()).contains("Ouvrir l’outil dans une nouvelle fenêtre");
    }

    @Test
    void tamperedState() {
        Page page = new Browser().untilLaunchAnswer(platform, learner(),
                form -> form.with("state", form.fields().get("state") + "x"));

        assertNoSession(page, 400, "lti-state-invalid", "invalide ou a expiré");
    }

    @Test
    void tokenPostedWithoutALogin() {
        HtmlForm stolen = new Browser().untilPlatformAnswer(platform, learner()).form("ltiAuthForm").orElseThrow();
        Browser stranger = new Browser();

        Page withoutState = stranger.submit(stolen.without("state"));
        Page withForgedState = stranger.submit(stolen.with("state", "eyJhbGciOiJIUzI1NiJ9.e30.forged"));
        Page withStolenState = stranger.recoverIfAsked(stranger.submit(stolen));

        assertNoSession(withoutState, 400, "lti-state-missing", "state");
        assertNoSession(withForgedState, 400, "lti-state-invalid", "state");
        assertNoSession(withStolenState, 401, "lti-state-not-from-this-browser", "navigateur");
    }

    /**
     * Login CSRF through the recovery field: the attacker logs in in their own browser (cookies blocked, so the secret
     * sits in their localStorage), keeps the platform's answer, and has a page of theirs post it from the victim's
     * browser with the secret. The victim's browser says the post comes from another site: no session is opened.
     */
    @Test
    void recoveredSecretPostedFromAnotherSite() {
        Browser attacker = new Browser().blockingThirdPartyCookies();
        Page answer = attacker.untilPlatformAnswer(platform, learner());
        HtmlForm stolen = answer.form("ltiAuthForm").orElseThrow();
        Page recovery = attacker.submit(stolen);
        String secret = attacker.storedSecret(recovery.form("lti-recover").orElseThrow().data().get("storage-key"))
                .orElseThrow();
        HtmlForm forged = stolen.with("lti_browser_secret", secret);

        assertNoSession(new Browser().submit(forged, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
                401, "lti-state-not-from-this-browser", "navigateur");
        assertNoSession(new Browser().submit(forged, "Origin", "https://evil.example"), 401,
                "lti-state-not-from-this-browser", "navigateur");
        assertNoSession(new Browser().submit(forged), 401, "lti-state-not-from-this-browser", "navigateur");
        assertThat(app().logTail()).contains("Secret de navigateur ignoré");
    }

    @Test
    void unknownDeployment() {
        assertRefused(learner().tampered(claims -> claims.claim(LTI + "deployment_id", "999")), 403,
                "lti-deployment-unknown", "« 999 »");
    }

    @Test
    void unknownDeploymentAtLogin() {
        Page login = new Browser().submit(platform.loginInitiation(learner().inDeployment("998")));

        assertNoSession(login, 403, "lti-deployment-unknown", "« 998 »");
    }

    @Test
    void missingMessageType() {
        assertRefused(learner().tampered(claims -> claims.claim(LTI + "message_type", null)), 400,
                "lti-claim-missing", LTI + "message_type");
    }

    @Test
    void unsupportedMessageType() {
        assertRefused(learner().tampered(claims -> claims.claim(LTI + "message_type", "LtiStartProctoring")), 400,
                "lti-message-type-unsupported", "LtiStartProctoring");
    }

    @Test
    void wrongVersion() {
        assertRefused(learner().tampered(claims -> claims.claim(LTI + "version", "1.1")), 400,
                "lti-version-unsupported", "« 1.1 »");
    }

    @Test
    void missingSub() {
        assertRefused(learner().tampered(claims -> claims.subject(null)), 400, "lti-claim-missing", "« sub »");
    }

    @Test
    void missingResourceLink() {
        assertRefused(learner().tampered(claims -> claims.claim(LTI + "resource_link", null)), 400,
                "lti-claim-missing", LTI + "resource_link");
    }

    @Test
    void missingTargetLinkUri() {
        assertRefused(learner().tampered(claims -> claims.claim(LTI + "target_link_uri", null)), 400,
                "lti-claim-missing", LTI + "target_link_uri");
    }

    @Test
    void oversizedAndMalformedTokens() {
        Browser browser = new Browser();
        HtmlForm post = browser.untilPlatformAnswer(platform, learner()).form("ltiAuthForm").orElseThrow();

        assertNoSession(browser.submit(post.with("id_token", "a".repeat(40_000))), 413, "lti-token-too-large",
                "trop volumineux");
        assertNoSession(browser.submit(post.with("id_token", "pas.un.jwt")), 400, "lti-token-malformed", "JWT");
        assertNoSession(browser.submit(post.without("id_token")), 400, "lti-token-missing", "id_token");
    }

    @Test
    void unknownPlatform() {
        HtmlForm login = platform.loginInitiation(learner());

        Page page = new Browser().submit(login.with("iss", "https://moodle.inconnu.test"));

        assertNoSession(page, 400, "lti-platform-unknown", "https://moodle.inconnu.test");
    }

    @Test
    void foreignTargetLinkUri() {
        Page page = new Browser().submit(platform.loginInitiation(learner())
                .with("target_link_uri", "https://pirate.test/lti/launch"));

        assertNoSession(page, 400, "lti-target-link-foreign", "https://pirate.test/lti/launch");
    }

    @Test
    void platformErrorIsShownNotAccepted() {
        Browser browser = new Browser();
        Page login = browser.submit(platform.loginInitiation(learner()));
        HtmlForm toPlatform = login.form("lti-login").orElseThrow().with("lti_message_hint", "{\"launchid\":\"perdu\"}");

        Page page = browser.submit(browser.submit(toPlatform).form("ltiAuthForm").orElseThrow());

        assertNoSession(page, 400, "lti-platform-refused-login", "invalid_request");
    }

    @Test
    void disabledPlatform() {
        ToolRegistration disabled = Registrar.register(app(), platform);
        long id = Registrar.platformOf(app(), platform, disabled).getJsonNumber("id").longValue();
        assertThat(Registrar.admin(app(), "PUT", "/api/admin/lti/platforms/" + id,
                Registrar.body(platform, disabled, false)).statusCode()).isEqualTo(200);

        Page page = new Browser().submit(platform.loginInitiation(
                Launch.resourceLink(disabled, nextUser(), LEARNER, COURSE, "L1")));

        assertNoSession(page, 403, "lti-platform-disabled", "désactivé");
    }

    @Test
    void messagesAreInTheLanguageOfTheIdTokenRatherThanTheBrowsers() {
        Page page = new Browser().untilLaunchAnswer(platform,
                learner().tampered(claims -> claims.claim(LTI + "version", "1.1")).inLocale("en_us"), form -> form);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("LTI launch refused", "LTI version &quot;1.1&quot; is not supported");
    }

    @Test
    void messagesAreInEnglishWhenTheBrowserAsksAndTheIdTokenHasNoLocale() {
        Page page = new Browser().inEnglish().untilLaunchAnswer(platform, learner().tampered(claims -> claims
                .claim(LTI + "version", "1.1").claim(LTI + "launch_presentation", null)), form -> form);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("LTI launch refused", "LTI version &quot;1.1&quot; is not supported");
    }

    @Test
    void deepLinkingThatAcceptsNoLtiResourceLink() {
        Launch launch = Launch.resourceLink(tool, nextUser(), INSTRUCTOR, COURSE, "L1").deepLinking()
                .tampered(claims -> claims.claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
                        Map.of("deep_link_return_url", platform.issuer() + "/mod/lti/contentitem_return.php",
                                "accept_types", List.of("file", "html"), "accept_multiple", true)));
        assertRefused(launch, 400, "lti-deep-linking-type-refused", "ltiResourceLink");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noRefusedLaunchLeftAMemberBehind() {
        Page course = new Browser().launch(platform, Launch.resourceLink(tool,
                User.named("1", "Enseignante", "Témoin"), INSTRUCTOR, COURSE, "L1"));

        assertThat(course.body()).contains("Enseignante Témoin");
        long members = course.body().lines().filter(line -> line.contains("<td>Refusé N")).count();
        assertThat(members).as("seuls les 5 lancements acceptés de cette classe ont laissé un membre").isEqualTo(5);
    }

    /** A learner launch in the rejection course, by a new user each time. */
    private Launch learner() {
        return Launch.resourceLink(tool, nextUser(), LEARNER, COURSE, "L1");
    }

    private User nextUser() {
        return User.named(Integer.toString(users.incrementAndGet()), "Refusé", "N" + users.get());
    }

    private void assertRefused(Launch launch, int status, String type, String message) {
        assertNoSession(new Browser().untilLaunchAnswer(platform, launch, UnaryOperator.identity()), status, type,
                message);
    }

    private void assertNoSession(Page page, int status, String type, String message) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(page.body()).contains(message).doesNotContain("lti_session=", "Exception");
        assertThat(page.location()).isEmpty();
        assertThat(app().logTail()).contains("[" + type + "]");
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
