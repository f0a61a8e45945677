package fr.competences.assessment;

import static fr.competences.assessment.AssessmentFlow.ADA;
import static fr.competences.assessment.AssessmentFlow.newCourse;
import static fr.competences.assessment.AssessmentFlow.opens;
import static fr.competences.assessment.AssessmentFlow.session;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Browser;
import fr.competences.it.Json;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.MoodleServices;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The teacher's grid as teachers use it every day: inside Moodle's activity page, the tool framed 1,230 × 600 px, in
 * Debian's Chromium with third-party cookies blocked, a class of 35 whose roster only Moodle knows. Positions and
 * counts of elements are asserted, not pixels; screenshots go to target/it/screenshots for people to look at.
 */
class GridInFrameBrowserIT {

    static final int FRAME_WIDTH = 1230;
    static final int FRAME_HEIGHT = 600;
    static final String EIGHT = skills("B2.1.1", "B2.1.2", "B2.1.3", "B2.1.4", "B2.1.5", "B2.1.6", "B2.1.7", "B2.1.8");
    static final String SIXTEEN = skills("B2.1.1", "B2.1.2", "B2.1.3", "B2.1.4", "B2.1.5", "B2.1.6", "B2.1.7",
            "B2.1.8", "B2.1.9", "B2.1.10", "B2.1.11", "B2.2.1", "B2.2.2", "B2.2.3", "B2.2.4", "B2.2.5");
    static final List<String> FAMILY = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
            "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre",
            "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier");
    static final List<String> GIVEN = List.of("Emma", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Nathan",
            "Camille", "Enzo", "Sarah", "Jules", "Inès", "Mathis", "Jade", "Tom", "Lola", "Théo", "Zoé", "Noah", "Lina",
            "Raphaël", "Eva", "Arthur", "Louise", "Gabriel", "Alice", "Adam", "Anna", "Paul", "Julia", "Maël", "Rose",
            "Sacha", "Léna");

    static TestApp app;
    static TestPlatform platform;
    static AssessmentFlow flow;
    static Browser browser;
    static WebDriver page;
    static String course;

    @BeforeAll
    static void start() {
        app = TestApps.h2();
        platform = TestPlatform.start();
        ToolRegistration tool = Registrar.register(app, platform);
        Set<String> scopes = new HashSet<>(MoodleServices.COLUMN_MANAGEMENT);
        scopes.add(MoodleServices.NRPS);
        platform.services().permit(tool.clientId(), app.baseUrl() + "/lti/jwks", scopes);
        flow = new AssessmentFlow(app, platform, tool);
        course = newCourse();
        IntStream.range(0, 35).forEach(i -> platform.services().enrol(course,
                Launch.User.named(Integer.toString(500 + i), GIVEN.get(i), FAMILY.get(i)), Launch.LEARNER));
        platform.services().enrol(course, ADA, Launch.INSTRUCTOR);
        browser = Browser.open();
        page = browser.driver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theFirstOpenAfterDeepLinkingListsTheWholeClassAndTwelveStudentsByEightSkillsFitTheFrame() {
        long activity = flow.activity(course, "TP huit compétences", EIGHT);

        openGrid(activity);

        assertThat(page.findElements(By.cssSelector("#grid tbody tr"))).as("the roster read from Moodle").hasSize(35);
        assertThat(names().subList(0, 3)).as("by family name").containsExactly("Paul André", "Lucas Bernard",
                "Lola Bertrand");
        Map<String, Object> fit = measure("""
                const frame = {w: innerWidth, h: innerHeight};
                const wrapper = document.getElementById('grid-wrapper').getBoundingClientRect();
                const visible = r => r.top >= 0 && r.bottom <= frame.h && r.bottom <= wrapper.bottom + 1;
                const rows = [...document.querySelectorAll('#grid tbody tr')].map(tr => tr.getBoundingClientRect());
                const skills = [...document.querySelectorAll('#grid thead th.skill')].map(th => th.getBoundingClientRect());
                const save = document.getElementById('grid-save').getBoundingClientRect();
                return {rowsVisible: rows.filter(visible).length,
                        skillsVisible: skills.filter(r => r.left >= 0 && r.right <= Math.min(frame.w, wrapper.right)
                            && visible(r)).length,
                        rowHeight: Math.round(rows[1].top - rows[0].top),
                        pageScrollsSideways: document.documentElement.scrollWidth > frame.w,
                        frameWidth: frame.w, frameHeight: frame.h, saveVisible: save.bottom <= frame.h};""");
        frameScreenshot("grille-cadre-35x8");
        assertThat(fit.get("frameWidth")).isEqualTo(1230L);
        assertThat(fit.get("frameHeight")).isEqualTo(600L);
        assertThat((Long) fit.get("rowsVisible")).as("rows in view: %s", fit).isGreaterThanOrEqualTo(12);
        assertThat(fit.get("skillsVisible")).as("skill columns in view: %s", fit).isEqualTo(8L);
        assertThat(fit.get("pageScrollsSideways")).isEqualTo(false);
        assertThat(fit.get("saveVisible")).as("the save button in view without scrolling").isEqualTo(true);
        assertThat((Long) fit.get("rowHeight")).isBetween(24L, 34L);
        assertThat(seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void withSixteenSkillsTheNamesAndTheHeaderRowStayInPlaceAndTheCornerCoversTheSkillsHeadings() {
        long activity = flow.activity(course, "TP seize compétences", SIXTEEN);
        openGrid(activity);

        Map<String, Object> scrolled = measure("""
                const wrapper = document.getElementById('grid-wrapper');
                wrapper.scrollLeft = 500; wrapper.scrollTop = 200;
                const box = wrapper.getBoundingClientRect();
                const corner = document.querySelector('#grid thead th.corner').getBoundingClientRect();
                // the cell just below the corner: a name, pinned, not a skill cell scrolled under it
                const under = document.elementFromPoint(corner.left + 5, corner.bottom + 3).closest('th, td');
                const name = under.getBoundingClientRect();
                const skill = document.querySelector('#grid thead th.skill').getBoundingClientRect();
                const atCorner = document.elementFromPoint(corner.left + corner.width / 2, corner.top + corner.height / 2);
                return {scrolledLeft: wrapper.scrollLeft, scrolledDown: wrapper.scrollTop,
                        cornerLeft: corner.left - box.left, cornerTop: corner.top - box.top,
                        nameLeft: name.left - corner.left, nameRight: name.right - corner.right,
                        nameUnderCorner: under.matches('tbody th[scope=row]'), headerTop: skill.top - box.top,
                        cornerOnTop: atCorner.closest('th') !== null && atCorner.closest('th').classList.contains('corner')};""");

        frameScreenshot("grille-cadre-16-competences");
        assertThat((Long) scrolled.get("scrolledLeft")).as("the grid is wider than the frame").isPositive();
        assertThat((Long) scrolled.get("scrolledDown")).isPositive();
        assertThat(number(scrolled, "cornerLeft")).as("%s", scrolled).isBetween(-1.0, 2.0);
        assertThat(number(scrolled, "cornerTop")).as("%s", scrolled).isBetween(-1.0, 2.0);
        assertThat(number(scrolled, "headerTop")).as("header row stays: %s", scrolled).isBetween(-1.0, 2.0);
        assertThat(number(scrolled, "nameLeft")).as("names under the corner: %s", scrolled).isBetween(-1.0, 1.0);
        assertThat(number(scrolled, "nameRight")).as("%s", scrolled).isBetween(-1.0, 1.0);
        assertThat(scrolled.get("nameUnderCorner")).as("%s", scrolled).isEqualTo(true);
        assertThat(scrolled.get("cornerOnTop")).as("no skill heading over the corner: %s", scrolled).isEqualTo(true);
    }

    @Test
    void theTeacherPositionsTenStudentsOnFourSkillsAndSavesWithTheKeyboardAlone() {
        long activity = flow.activity(course, "TP clavier", EIGHT);
        openGrid(activity);

        // Tab from the last toolbar control enters the grid once; the next Tab reaches the save button
        WebElement lastTool = page.findElement(By.id("grid-fill-column"));
        ((JavascriptExecutor) page).executeScript("arguments[0].focus()", lastTool);
        lastTool.sendKeys(Keys.TAB);
        WebElement entered = page.switchTo().activeElement();
        assertThat(entered.getDomAttribute("role")).isEqualTo("gridcell");
        assertThat(entered.getDomAttribute("data-row")).isEqualTo("0");
        List<String> typed = List.of("2", "3", "1", "2");
        for (int student = 0; student < 10; student++) {
            for (String level : typed) {
                page.switchTo().activeElement().sendKeys(level); // sets the level, moves right
            }
            page.switchTo().activeElement().sendKeys(Keys.HOME);
            if (student < 9) {
                page.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
            }
        }
        assertThat(gradeShown(0)).as("the grade /20 follows the levels live (mean of 2, 3, 1, 2 over 3 points)")
                .isEqualTo("13,33");
        // a wrong key, undone before the save
        page.switchTo().activeElement().sendKeys("0");
        assertThat(page.findElement(By.cssSelector("td[data-row='9'][data-col='0'] .level")).getText()).isEqualTo("N");
        page.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "z"));
        assertThat(page.findElement(By.cssSelector("td[data-row='9'][data-col='0'] .level")).getText()).isEqualTo("A");
        assertThat(page.switchTo().activeElement().getDomAttribute("data-row")).isEqualTo("9");
        assertThat(page.switchTo().activeElement().getDomAttribute("data-col")).isEqualTo("0");
        frameScreenshot("grille-cadre-saisie-clavier");
        page.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("grid-save");
        page.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d ->
                d.findElement(By.id("grid-status")).getText().startsWith("Enregistré"));

        // read back by a fresh request, as another page would
        String teacher = session(flow.open(new fr.competences.lti.platform.Browser(),
                flow.teacher(course, "K" + activity, opens(activity))));
        JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());
        List<JsonObject> rows = grid.getJsonArray("rows").getValuesAs(JsonObject.class);
        JsonObject typedLevels = Json.object("{\"B2.1.1\":2,\"B2.1.2\":3,\"B2.1.3\":1,\"B2.1.4\":2}");
        assertThat(rows.subList(0, 10)).allSatisfy(row -> assertThat(row.getJsonObject("levels"))
                .isEqualTo(typedLevels));
        assertThat(rows.subList(10, 35)).allSatisfy(row -> assertThat(row.getJsonObject("levels")).isEmpty());
    }

    @Test
    void theSortToggleListsStudentsByGivenNameAndBack() {
        long activity = flow.activity(course, "TP tri", EIGHT);
        openGrid(activity);
        WebElement sort = page.findElement(By.id("grid-sort"));

        sort.click();
        assertThat(names().subList(0, 3)).containsExactly("Adam Lefèvre", "Alice Muller", "Anna Faure");
        assertThat(sort.getDomAttribute("aria-pressed")).isEqualTo("true");
        sort.click();
        assertThat(names().get(0)).isEqualTo("Paul André");
    }

    @Test
    void theClassProgressKeepsItsHeaderRowsNamesAndCornerInPlaceInTheFrame() {
        long activity = flow.activity(course, "TP progression", SIXTEEN);
        openGrid(activity);
        goInFrame("/course/progress/overview");

        Map<String, Object> scrolled = measure("""
                const wrapper = document.querySelector('.class-grid');
                const bloc = document.querySelector('.class-grid thead th.bloc').getBoundingClientRect();
                wrapper.scrollLeft = 300; wrapper.scrollTop = 200;
                const box = wrapper.getBoundingClientRect();
                const corner = document.querySelector('.class-grid thead th.corner').getBoundingClientRect();
                const rows = document.querySelectorAll('.class-grid thead tr');
                const first = rows[0].querySelector('th.bloc').getBoundingClientRect();
                const second = rows[1].querySelector('th').getBoundingClientRect();
                const under = document.elementFromPoint(corner.left + 5, corner.bottom + 3).closest('th, td');
                return {blocHeight: bloc.height, scrolledLeft: wrapper.scrollLeft, scrolledDown: wrapper.scrollTop,
                        cornerLeft: corner.left - box.left, cornerTop: corner.top - box.top,
                        firstRowTop: first.top - box.top, secondRowTop: second.top - first.bottom,
                        nameUnderCorner: under.matches('tbody th[scope=row]')};""");

        frameScreenshot("progression-classe-cadre");
        assertThat(number(scrolled, "blocHeight")).as("bloc headings on one line: %s", scrolled).isLessThan(40);
        assertThat((Long) scrolled.get("scrolledDown")).as("35 rows scroll inside the frame").isPositive();
        assertThat(number(scrolled, "cornerLeft")).as("%s", scrolled).isBetween(-1.0, 2.0);
        assertThat(number(scrolled, "cornerTop")).as("%s", scrolled).isBetween(-1.0, 2.0);
        assertThat(number(scrolled, "firstRowTop")).as("%s", scrolled).isBetween(-1.0, 2.0);
        assertThat(number(scrolled, "secondRowTop")).as("%s", scrolled).isBetween(-2.0, 2.0);
        assertThat(scrolled.get("nameUnderCorner")).as("%s", scrolled).isEqualTo(true);
        assertThat(seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void theTeachersOtherPagesAndTheStudentsPagePassTheAccessibilityAudit() {
        long activity = flow.activity(course, "TP audit", EIGHT);
        openGrid(activity);
        Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
        for (String path : List.of("/course/gradebook", "/activity/" + activity + "/edit", "/course/overview")) {
            goInFrame(path);
            violations.put(path, seriousAccessibilityViolations());
        }
        page.switchTo().defaultContent();
        page.get(platform.coursePage(flow.student(Launch.User.named("500", "Emma", "Martin"), course, "K" + activity,
                opens(activity)), FRAME_WIDTH, FRAME_HEIGHT).toString());
        page.switchTo().frame("contentframe");
        new WebDriverWait(page, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".student-skills"))
                .isEmpty());
        violations.put("student", seriousAccessibilityViolations());
        goInFrame("/course/progress");
        violations.put("/course/progress", seriousAccessibilityViolations());

        assertThat(violations).allSatisfy((where, found) -> assertThat(found).as(where).isEmpty());
    }

    @Test
    void theFilterKeepsTheStudentsNotYetPositionedOnEverySkillAndCountsThem() {
        long activity = flow.activity(course, "TP filtre", skills("B2.1.1", "B2.1.2"));
        String teacher = session(flow.open(new fr.competences.lti.platform.Browser(),
                flow.teacher(course, "K" + activity, opens(activity))));
        JsonObject grid = Json.object(flow.call("GET", "/api/activities/" + activity + "/grid", teacher, null).body());
        List<JsonObject> rows = grid.getJsonArray("rows").getValuesAs(JsonObject.class);
        // the first three on both skills, the fourth on one only
        String saved = IntStream.range(0, 4).mapToObj(i -> "{\"studentUserId\":"
                + rows.get(i).getJsonNumber("studentUserId") + ",\"version\":0,\"levels\":"
                + (i < 3 ? "{\"B2.1.1\":2,\"B2.1.2\":3}" : "{\"B2.1.1\":1}") + "}")
                .collect(Collectors.joining(",", "{\"rows\":[", "]}"));
        assertThat(flow.call("PUT", "/api/activities/" + activity + "/grid", teacher, saved).statusCode())
                .isEqualTo(200);
        List<String> positioned = List.of("Paul André", "Lucas Bernard", "Lola Bertrand");
        openGrid(activity);
        WebElement filter = page.findElement(By.id("grid-filter-incomplete"));
        assertThat(page.findElement(By.cssSelector("label[for=grid-filter-incomplete]")).getText())
                .isEqualTo("Seulement les étudiants pas encore positionnés sur toutes les compétences");
        assertThat(page.findElement(By.id("grid-filter-count")).getText()).isEqualTo("32 sur 35");

        // from the keyboard: Tab from the sort button reaches the filter, Space switches it
        page.findElement(By.id("grid-sort")).sendKeys(Keys.TAB);
        assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("grid-filter-incomplete");
        page.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertThat(filter.isSelected()).isTrue();
        assertThat(names()).hasSize(32).doesNotContainAnyElementsOf(positioned);
        assertThat(names().get(0)).as("the partly positioned student stays").isEqualTo(rows.get(3).getString("name"));
        frameScreenshot("grille-cadre-filtre");
        assertThat(seriousAccessibilityViolations()).isEmpty();

        // completing a row keeps it in place (the filter applies when switched) and the count follows
        WebElement first = page.findElement(By.cssSelector("td[data-row='0'][data-col='1']"));
        first.click();
        page.switchTo().activeElement().sendKeys("2");
        assertThat(page.findElement(By.id("grid-filter-count")).getText()).isEqualTo("31 sur 35");
        assertThat(names()).hasSize(32);
        filter.click();
        assertThat(names()).hasSize(35);
        filter.click();
        assertThat(names()).hasSize(31).doesNotContain(rows.get(3).getString("name"));
    }

    @Test
    void theLiveGradeIsTheGradeTheGradebookPostsUnderTwoRules() {
        String own = newCourse(); // the rule is the course's: other tests keep theirs
        List<Launch.User> students = List.of(Launch.User.named("700", "Inès", "Arnaud"),
                Launch.User.named("701", "Jules", "Barre"), Launch.User.named("702", "Léo", "Caron"));
        students.forEach(student -> platform.services().enrol(own, student, Launch.LEARNER));
        platform.services().enrol(own, ADA, Launch.INSTRUCTOR);
        long activity = flow.activity(own, "TP notes",
                "[{\"code\":\"B2.1.1\"},{\"code\":\"B2.1.2\",\"weight\":2},{\"code\":\"B2.1.3\"}]");
        String lineItem = platform.services().addActivityLineItem(own, "K" + activity, "TP notes",
                new java.math.BigDecimal("20"));
        openGrid(own, activity);

        // weighted mean (the course's default rule): (3 + 2×1 + 2) / (4 × 3) × 20 and (1 + 2×2 + 0) / 12 × 20
        typeRow(0, "3", "1", "2");
        typeRow(1, "1", "2", "0");
        assertThat(gradeShown(0)).isEqualTo("11,67");
        assertThat(gradeShown(1)).isEqualTo("8,33");
        saveAndWait();
        awaitPosted(lineItem, "700", gradeShown(0));
        awaitPosted(lineItem, "701", gradeShown(1));

        // share of the weights at least Acquis: the server's grades change with the rule, the grid's formula is none
        String teacher = session(flow.open(new fr.competences.lti.platform.Browser(),
                flow.teacher(own, "K" + activity, opens(activity))));
        assertThat(flow.call("PUT", "/api/gradebook/rule", teacher, "{\"rule\":\"PROPORTION_ACQUIRED\"}")
                .statusCode()).isEqualTo(200);
        openGrid(own, activity);
        assertThat(gradeShown(0)).as("B2.1.1 and B2.1.3 acquired: 2 of 4").isEqualTo("10");
        assertThat(gradeShown(1)).as("B2.1.2 acquired: 2 of 4").isEqualTo("10");
        typeRow(1, "1", "2", "3");
        assertThat(gradeShown(1)).as("3 of 4").isEqualTo("15");
        saveAndWait();
        awaitPosted(lineItem, "700", gradeShown(0));
        awaitPosted(lineItem, "701", gradeShown(1));
    }

    /** Types a row's levels from its first skill, as the teacher does. */
    private static void typeRow(int row, String... levels) {
        page.findElement(By.cssSelector("td[data-row='" + row + "'][data-col='0']")).click();
        for (String level : levels) {
            page.switchTo().activeElement().sendKeys(level);
        }
    }

    private static void saveAndWait() {
        page.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "s"));
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d ->
                d.findElement(By.id("grid-status")).getText().startsWith("Enregistré"));
    }

    /** The grade a row shows once the server has computed it for the levels on screen. */
    private static String gradeShown(int row) {
        By cell = By.cssSelector("#grid td.grade[data-grade-row='" + row + "']");
        new WebDriverWait(page, Duration.ofSeconds(15)).until(d -> !d.findElement(cell).getDomAttribute("class")
                .contains("pending"));
        return page.findElement(cell).getText();
    }

    /** Waits for the platform to hold the student's grade, and checks it is the one the grid showed. */
    private static void awaitPosted(String lineItem, String userId, String shown) {
        java.math.BigDecimal expected = new java.math.BigDecimal(shown.replace(',', '.'));
        new WebDriverWait(page, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200)).until(d -> {
            MoodleServices.Grade grade = platform.services().grade(lineItem, userId);
            return grade != null && grade.finalGrade().compareTo(expected) == 0;
        });
    }

    @Test
    void onAPhoneTheStudentSeesTheirLevelsWithoutScrollingSideways() {
        long activity = flow.activity(course, "TP sur téléphone", EIGHT);
        page.switchTo().defaultContent();
        page.get(platform.coursePage(flow.student(Launch.User.named("501", "Lucas", "Bernard"), course,
                "K" + activity, opens(activity)), 390, 800).toString());
        page.switchTo().frame("contentframe");
        new WebDriverWait(page, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".student-skills"))
                .isEmpty());

        Map<String, Object> fit = measure("""
                const levels = [...document.querySelectorAll('.student-skills .level')].map(l => l.getBoundingClientRect());
                return {width: innerWidth, scrollWidth: document.documentElement.scrollWidth,
                        levels: levels.length, levelsInView: levels.filter(r => r.left >= 0 && r.right <= innerWidth).length};""");

        frameScreenshot("etudiant-telephone");
        assertThat(fit.get("width")).isEqualTo(390L);
        assertThat((Long) fit.get("scrollWidth")).as("%s", fit).isLessThanOrEqualTo(390L);
        assertThat(fit.get("levelsInView")).as("%s", fit).isEqualTo(8L).isEqualTo(fit.get("levels"));
    }

    /**
     * The tool's frame as Moodle shows it, to target/it/screenshots and, with {@code -Ddocs.screenshots=true}, to
     * docs/screenshots where docs/assessment.md shows them: the pictures in the docs are what the tests saw.
     */
    private static void frameScreenshot(String name) {
        page.switchTo().defaultContent();
        byte[] png = page.findElement(By.id("contentframe")).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        page.switchTo().frame("contentframe");
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "it", "screenshots"));
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
            if (Boolean.getBoolean("docs.screenshots")) {
                java.nio.file.Path docs = java.nio.file.Files.createDirectories(java.nio.file.Path.of("docs", "screenshots"));
                java.nio.file.Files.write(docs.resolve(name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows a link of the tool inside the frame, as a click would: same session, same frame. */
    private static void goInFrame(String path) {
        ((JavascriptExecutor) page).executeScript("location.href = arguments[0] + '?lti_session=' + "
                + "encodeURIComponent(document.getElementById('lti-session').dataset.token)", path);
        new WebDriverWait(page, Duration.ofSeconds(30)).until(d -> String.valueOf(((JavascriptExecutor) d)
                .executeScript("return location.pathname + ' ' + document.readyState")).equals(path + " complete"));
    }

    private static void openGrid(long activity) {
        openGrid(course, activity);
    }

    private static void openGrid(String inCourse, long activity) {
        page.switchTo().defaultContent();
        page.get(platform.coursePage(flow.teacher(inCourse, "K" + activity, opens(activity)), FRAME_WIDTH,
                FRAME_HEIGHT).toString());
        page.switchTo().frame("contentframe");
        new WebDriverWait(page, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#grid tbody tr"))
                .isEmpty());
    }

    private static List<String> names() {
        return page.findElements(By.cssSelector("#grid tbody th .name")).stream().map(WebElement::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> measure(String script) {
        return (Map<String, Object>) ((JavascriptExecutor) page).executeScript(script);
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    /** axe-core (the WebJar) run in the frame: the serious and critical violations, each with where it is. */
    @SuppressWarnings("unchecked")
    static List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) page;
        js.executeScript(axeSource());
        List<Object> found = (List<Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))));
                """);
        List<String> violations = new ArrayList<>();
        found.forEach(v -> violations.add(String.valueOf(v)));
        return violations;
    }

    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
        try (InputStream in = GridInFrameBrowserIT.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeVersion() {
        try (InputStream in = GridInFrameBrowserIT.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String skills(String... codes) {
        return java.util.Arrays.stream(codes).map(code -> "{\"code\":\"" + code + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
