package fr.competences.lti;

import static fr.competences.lti.platform.Launch.INSTRUCTOR;
import static fr.competences.lti.platform.Launch.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.HtmlForm;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Launch.User;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The launch flow a Moodle-like platform drives over real HTTP (login → auth → form post → landing page), for
 * teachers and students, with and without third-party cookies, whatever the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LtiLaunchContract {

    static final User ADA = User.named("101", "Ada", "Lovelace");
    static final User ALAN = User.named("102", "Alan", "Turing");
    static final User GRACE = User.named("103", "Grace", "Hopper");
    static final User BARBARA = User.named("109", "Barbara", "Liskov");

    TestPlatform platform;
    ToolRegistration tool;

    abstract TestApp app();

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
    void loginAnswersWithTheAuthenticationRequestAndAPartitionedStateCookie() {
        Page login = new Browser().submit(platform.loginInitiation(teacher("C1", "L1")));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("lti_state_").contains("; Path=/lti/launch", "; HttpOnly", "; Secure", "; SameSite=None",
                        "; Partitioned", "; Max-Age=300"));
        HtmlForm toPlatform = login.form("lti-login").orElseThrow();
        assertThat(toPlatform.method()).isEqualTo("GET");
        assertThat(toPlatform.action()).isEqualTo(platform.authorizationEndpoint());
        assertThat(toPlatform.fields()).containsEntry("scope", "openid").containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post").containsEntry("prompt", "none")
                .containsEntry("client_id", tool.clientId()).containsEntry("login_hint", ADA.id())
                .containsEntry("redirect_uri", app().baseUrl() + "/lti/launch")
                .containsKeys("state", "nonce", "lti_message_hint");
        assertThat(toPlatform.data()).containsKeys("storage-key", "storage-value");
    }

    @Test
    void teacherLandsOnTheCoursePageWithASessionTokenAndNoCookieLeft() {
        Browser browser = new Browser();

        Page page = browser.launch(platform, teacher("C1", "L1"));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/course");
        assertThat(page.body()).contains("Cours C1", "Activité L1", "Ada Lovelace", "Activités du cours");
        assertThat(session(page)).isNotBlank();
        assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(browser.cookies()).as("plus aucun cookie après le lancement").isEmpty();
        Page english = browser.get(link(page, languageLink(page, "en")));
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("Course activities");
    }

    @Test
    void pagesAreInTheLanguageOfTheLaunchUntilTheUserPicksTheOther() {
        Browser browser = new Browser();

        Page english = browser.launch(platform, teacher("C4", "L1").inLocale("en_us"));

        assertThat(english.status()).as(english.body()).isEqualTo(200);
        assertThat(english.uri().getQuery()).doesNotContain("lang=");
        assertThat(english.body()).contains("<html lang=\"en\">", "Course activities");
        Page french = browser.get(link(english, languageLink(english, "fr")));
        assertThat(french.body()).contains("<html lang=\"fr\">", "Activités du cours");
        String gradebook = href(french, "/course/gradebook?");
        assertThat(gradebook).as("French pages' links carry no lang").doesNotContain("lang=");
        Page next = browser.get(link(french, gradebook));
        assertThat(next.uri().getPath()).isEqualTo("/course/gradebook");
        assertThat(next.body()).as("the choice stays with the session").contains("<html lang=\"fr\">",
                "Carnet de notes");
        Page englishAgain = browser.get(link(next, languageLink(next, "en")));
        assertThat(englishAgain.body()).contains("<html lang=\"en\">", "Gradebook");

        Page student = new Browser().launch(platform, student(GRACE, "C4", "L1").inLocale("en"));
        assertThat(student.uri().getPath()).isEqualTo("/activity");
        assertThat(student.body()).contains("<html lang=\"en\">");
        assertThat(new Browser().launch(platform, student(ALAN, "C4", "L1").inLocale("de")).body())
                .as("a language the tool does not have").contains("<html lang=\"fr\">");
    }

    @Test
    void studentLandsOnTheActivityPageWithCourseActivityAndName() {
        Page page = new Browser().launch(platform, student(ALAN, "C1", "L2"));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/activity");
        assertThat(page.body()).contains("Cours C1", "Activité L2", "Alan Turing");
    }

    @Test
    void anIdTokenPostedFourTimesAtOnceOpensOneSessionAndTheOthersAreRefusedAsReplays() throws Exception {
        Browser browser = new Browser();
        HtmlForm post = browser.untilPlatformAnswer(platform, student(BARBARA, "C-REJEU", "L1")).form("ltiAuthForm")
                .orElseThrow();
        ExecutorService browsers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Page>> posted = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posted.add(browsers.submit(() -> browser.recoverIfAsked(browser.submit(post))));
            }
            List<Page> answers = new ArrayList<>();
            for (Future<Page> answer : posted) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(answers).filteredOn(page -> page.status() == 303).hasSize(1);
            assertThat(answers).filteredOn(page -> page.status() != 303).hasSize(3).allSatisfy(replay -> {
                assertThat(replay.status()).as(replay.body()).isEqualTo(401);
                assertThat(replay.body()).contains("déjà été utilisé").doesNotContain("lti_session=", "Exception");
            });
            Page landed = browser.get(answers.stream().filter(page -> page.status() == 303).findFirst().orElseThrow()
                    .location().orElseThrow());
            assertThat(landed.status()).as(landed.body()).isEqualTo(200);
            assertThat(landed.body()).contains("Barbara Liskov");
        } finally {
            browsers.shutdownNow();
        }
    }

    @Test
    void aStudentWhoseNameIsNotSharedGetsAFallbackName() {
        Page page = new Browser().launch(platform, student(User.anonymous("104"), "C1", "L2"));

        assertThat(page.body()).contains("Utilisateur 104");
    }

    @Test
    void namesLongerThanTheirColumnsAreCutAndAnEmailTooLongIsLeftOut() {
        String givenName = "Anne" + "-Marie".repeat(50);
        User longNamed = new User("107", givenName + " Curie", givenName, "Curie", "a".repeat(320) + "@lycee.test");

        Page page = new Browser().launch(platform, student(longNamed, "C1", "L2"));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(givenName.substring(0, 200));
    }

    @Test
    void launchWorksWhenTheBrowserBlocksThirdPartyCookies() {
        Browser safari = new Browser().blockingThirdPartyCookies();

        Page page = safari.launch(platform, student(GRACE, "C1", "L2"));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Grace Hopper");
        assertThat(safari.cookies()).isEmpty();
    }

    @Test
    void withoutCookiesNorStorageTheToolOffersToOpenANewWindow() {
        Browser locked = new Browser().blockingThirdPartyCookies().blockingStorage();

        Page page = locked.launch(platform, student(GRACE, "C1", "L2"));

        assertThat(page.status()).isEqualTo(401);
        assertThat(HtmlForm.unescape(page.body())).contains("Ouvrir l’outil dans une nouvelle fenêtre",
                "target=\"_blank\"", app().baseUrl() + "/lti/login?iss="
                        + URLEncoder.encode(platform.issuer(), StandardCharsets.UTF_8));
        assertThat(page.location()).isEmpty();
    }

    @Test
    void teacherGivesTeacherRightsToANonEditingTeacherSentAsLearner() {
        Browser teacher = new Browser();
        Browser assistant = new Browser();
        assertThat(assistant.launch(platform, student(GRACE, "C2", "L1")).uri().getPath()).isEqualTo("/activity");
        Page course = teacher.launch(platform, teacher("C2", "L1"));

        Page granted = teacher.submit(memberForm(course, "Grace Hopper"));
        assertThat(granted.status()).isEqualTo(303);
        Page after = teacher.get(granted.location().orElseThrow());
        assertThat(after.body()).contains("Enseignant (droits donnés dans l’outil)");
        assertThat(assistant.launch(platform, student(GRACE, "C2", "L1")).uri().getPath()).isEqualTo("/course");

        teacher.submit(memberForm(after, "Grace Hopper"));
        assertThat(assistant.launch(platform, student(GRACE, "C2", "L1")).uri().getPath()).isEqualTo("/activity");
    }

    @Test
    void pagesRequireAValidSessionOfTheRightRole() {
        Page student = new Browser().launch(platform, student(ALAN, "C1", "L2"));
        String token = session(student);

        assertThat(get("/course?lti_session=" + token).statusCode()).isEqualTo(403);
        HttpResponse<String> none = get("/course");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("Ouvrez l’outil depuis une activité de votre cours");
        assertThat(get("/activity?lti_session=" + token.substring(0, token.length() - 3) + "abc").statusCode())
                .isEqualTo(401);
        assertThat(get("/activity?lti_session=" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionIsRenewedWhileThePageIsInUse() {
        Browser browser = new Browser();
        Page landing = browser.launch(platform, teacher("C1", "L1"));
        String token = session(landing);
        assertThat(browser.renewalKey()).as("given in the landing address's fragment").isNotBlank();

        HttpResponse<String> renewed = renew(token, browser.renewalKey());

        assertThat(renewed.statusCode()).isEqualTo(204);
        String fresh = renewed.headers().firstValue("X-Lti-Session").orElseThrow();
        assertThat(get("/course?lti_session=" + fresh).statusCode()).isEqualTo(200);
        assertThat(renew(fresh, browser.renewalKey()).statusCode()).as("and again").isEqualTo(204);
    }

    /** A token copied out of a URL (address bar, history, a proxy's log) is worth minutes and cannot be renewed. */
    @Test
    void aTokenCopiedOutOfAUrlIsWorthMinutesAndCannotBeRenewed() {
        Browser browser = new Browser();
        String token = session(browser.launch(platform, teacher("C1", "L1")));
        String otherKey = renewalKeyOf(student(ALAN, "C1", "L2"));

        JsonObject claims = claims(token);
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("auth_time").longValue())
                .as("seconds the token is worth").isLessThanOrEqualTo(600);
        assertThat(renew(token, null).statusCode()).isEqualTo(401);
        assertThat(renew(token, otherKey).statusCode()).as("another session's key").isEqualTo(401);
        assertThat(renew(token, browser.renewalKey().substring(1) + "A").statusCode()).isEqualTo(401);
        assertThat(get("/course?lti_session=" + token).statusCode()).as("still worth its minutes").isEqualTo(200);
    }

    @Test
    void anAdministratorEndsTheSessionsOfAUserOfACourseOrOfAUserInACourse() {
        Browser alanInC5 = new Browser();
        String alanC5 = session(alanInC5.launch(platform, student(ALAN, "C5", "L1")));
        String alanC6 = session(new Browser().launch(platform, student(ALAN, "C6", "L1")));
        String graceC5 = session(new Browser().launch(platform, student(GRACE, "C5", "L1")));
        String teacherC6 = session(new Browser().launch(platform, teacher("C6", "L1")));
        long platformId = Registrar.platformOf(app(), platform, tool).getJsonNumber("id").longValue();

        HttpResponse<String> revoked = Registrar.admin(app(), "POST", "/api/admin/lti/sessions/revoke",
                "{\"platformId\":" + platformId + ",\"userId\":\"" + ALAN.id() + "\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(Json.object(revoked.body()).getString("otherInstancesWithin")).isEqualTo("PT30S");

        HttpResponse<String> refused = get("/activity?lti_session=" + alanC5);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("L’administrateur de l’outil a fermé cette session");
        assertThat(get("/activity?lti_session=" + alanC6).statusCode()).isEqualTo(401);
        assertThat(renew(alanC5, alanInC5.renewalKey()).statusCode()).as("nor renewed").isEqualTo(401);
        assertThat(get("/activity?lti_session=" + graceC5).statusCode()).as("another user").isEqualTo(200);
        Browser alanAgain = new Browser();
        String relaunched = session(alanAgain.launch(platform, student(ALAN, "C5", "L1")));
        assertThat(get("/activity?lti_session=" + relaunched).statusCode()).as("a new launch").isEqualTo(200);

        assertThat(Registrar.admin(app(), "POST", "/api/admin/lti/sessions/revoke", "{\"platformId\":" + platformId
                + ",\"courseId\":\"C6\"}").statusCode()).isEqualTo(200);
        assertThat(get("/course?lti_session=" + teacherC6).statusCode()).as("the course's teacher").isEqualTo(401);
        assertThat(get("/activity?lti_session=" + graceC5).statusCode()).as("another course").isEqualTo(200);

        assertThat(Registrar.admin(app(), "POST", "/api/admin/lti/sessions/revoke", "{\"platformId\":" + platformId
                + ",\"userId\":\"" + GRACE.id() + "\",\"courseId\":\"C5\"}").statusCode()).isEqualTo(200);
        assertThat(get("/activity?lti_session=" + graceC5).statusCode()).isEqualTo(401);
        assertThat(get("/activity?lti_session=" + relaunched).statusCode()).as("Alan in that course").isEqualTo(200);
        assertThat(renew(relaunched, alanAgain.renewalKey()).statusCode()).isEqualTo(204);
    }

    @Test
    void aRevocationNamesWhatToRevokeOnThisPlatform() {
        long platformId = Registrar.platformOf(app(), platform, tool).getJsonNumber("id").longValue();
        String revoke = "/api/admin/lti/sessions/revoke";

        assertThat(Registrar.admin(app(), "POST", revoke, "{\"platformId\":" + platformId + "}").statusCode())
                .isEqualTo(422);
        assertThat(Registrar.admin(app(), "POST", revoke, "{\"userId\":\"101\"}").statusCode()).isEqualTo(422);
        assertThat(Registrar.admin(app(), "POST", revoke, "{\"platformId\":999999,\"userId\":\"101\"}")
                .statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = Registrar.admin(app(), "POST", revoke, "{\"platformId\":" + platformId
                + ",\"userId\":\"no-such-user\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.object(unknown.body()).getString("detail")).contains("no-such-user");
        assertThat(Registrar.admin(app(), "POST", revoke, "{\"platformId\":" + platformId
                + ",\"courseId\":\"no-such-course\"}").statusCode()).isEqualTo(404);
        HttpRequest anonymous = HttpRequest.newBuilder(app().uri(revoke)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"platformId\":" + platformId + ",\"userId\":\"101\"}"))
                .build();
        assertThat(app().send(anonymous).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> renew(String token, String renewalKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app().uri("/lti/session")).header("X-Lti-Session", token)
                .header("Accept", "application/json");
        if (renewalKey != null) {
            request.header("X-Lti-Renewal", renewalKey);
        }
        return app().send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    String renewalKeyOf(Launch launch) {
        Browser browser = new Browser();
        browser.launch(platform, launch);
        return browser.renewalKey();
    }

    static JsonObject claims(String token) {
        return Json.object(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

    @Test
    void rolesOtherThanTeacherOrStudentArePolitelyRefusedAndStoreNothing() {
        Page page = new Browser().launch(platform, student(User.named("105", "Mentor", "Parent"), "C1", "L2")
                .withRoles(Launch.MENTOR).inLocale("en"));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Your role in this course (Mentor) gives no access to the tool");
        assertThat(new Browser().launch(platform, teacher("C1", "L1")).body()).doesNotContain("Mentor Parent");
    }

    @Test
    void siteAdministratorsTeachAndDeepLinkingOpensTheCoursePage() {
        Page admin = new Browser().launch(platform, teacher("C3", "L1").withRoles(Launch.SITE_ADMIN));
        assertThat(admin.uri().getPath()).isEqualTo("/course");

        Page deepLinking = new Browser().launch(platform, teacher("C3", "L1").deepLinking());
        assertThat(deepLinking.status()).as(deepLinking.body()).isEqualTo(200);
        assertThat(deepLinking.body()).contains("choisir un contenu");

        Page studentDeepLinking = new Browser().launch(platform, student(ALAN, "C3", "L1").deepLinking());
        assertThat(studentDeepLinking.status()).isEqualTo(403);
    }

    Launch teacher(String course, String link) {
        return Launch.resourceLink(tool, ADA, INSTRUCTOR, course, link);
    }

    Launch student(User user, String course, String link) {
        return Launch.resourceLink(tool, user, LEARNER, course, link);
    }

    HttpResponse<String> get(String path) {
        return app().get(path, "Accept", "text/html");
    }

    static String session(Page page) {
        Matcher token = Pattern.compile("lti_session=([A-Za-z0-9_.-]+)").matcher(page.uri().toString());
        assertThat(token.find()).as(page.uri().toString()).isTrue();
        return token.group(1);
    }

    /** The language link of the page header ("English" or "Français"), which keeps the session. */
    static String languageLink(Page page, String language) {
        Matcher link = Pattern.compile("<a href=\"([^\"]*lang=" + language + ")\"").matcher(page.body());
        assertThat(link.find()).as(page.body()).isTrue();
        return link.group(1);
    }

    /** The first link of the page whose address starts so. */
    static String href(Page page, String start) {
        Matcher link = Pattern.compile("<a href=\"(" + Pattern.quote(start) + "[^\"]*)\"").matcher(page.body());
        assertThat(link.find()).as(page.body()).isTrue();
        return link.group(1);
    }

    /** Where a link of the page leads, as the browser resolves it. */
    static URI link(Page page, String href) {
        String target = HtmlForm.unescape(href);
        // URI.resolve follows RFC 2396, which drops the last path segment before a query-only reference.
        return target.startsWith("?") ? URI.create(page.uri().toString().replaceFirst("\\?.*", "") + target)
                : page.uri().resolve(target);
    }

    /** The grant/revoke form of a member's row on the course page. */
    static HtmlForm memberForm(Page course, String name) {
        Matcher row = Pattern.compile("<td>" + Pattern.quote(name) + "</td>.*?<form method=\"post\" action=\"([^\"]+)\">"
                + ".*?name=\"granted\" value=\"(true|false)\"", Pattern.DOTALL).matcher(course.body());
        assertThat(row.find()).as(course.body()).isTrue();
        String action = row.group(1).replace("&amp;", "&");
        return new HtmlForm("POST", course.uri().resolve(URI.create(action)).toString(), Map.of("granted", row.group(2)));
    }
}
