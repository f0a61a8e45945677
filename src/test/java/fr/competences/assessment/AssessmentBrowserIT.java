package fr.competences.assessment;

import static fr.competences.assessment.AssessmentFlow.ALAN;
import static fr.competences.assessment.AssessmentFlow.GRACE;
import static fr.competences.assessment.AssessmentFlow.newCourse;
import static fr.competences.assessment.AssessmentFlow.opens;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Browser;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import fr.competences.lti.Registrar;
import fr.competences.lti.platform.TestPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole story in Debian's Chromium, the tool framed by the platform's course page with third-party cookies
 * blocked: the teacher deep-links an activity from the activity chooser, rates two students from the keyboard
 * alone, and a student sees their levels. Screenshots in target/it/screenshots.
 */
class AssessmentBrowserIT {

    static TestApp app;
    static TestPlatform platform;
    static AssessmentFlow flow;
    static Browser browser;
    static WebDriver page;

    @BeforeAll
    static void start() {
        app = TestApps.h2();
        platform = TestPlatform.start();
        flow = new AssessmentFlow(app, platform, Registrar.register(app, platform));
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
    void teacherDeepLinksAnActivityRatesTwoStudentsAndTheStudentSeesTheirLevels() {
        String course = newCourse();

        // 1. Moodle's "Select content": the editor opens in the course page's frame
        inFrame(platform.coursePage(flow.teacher(course, null, Map.of()).deepLinking()).toString());
        waitFor(By.id("activity-editor"));
        page.findElement(By.id("title")).sendKeys("TP API REST");
        page.findElement(By.id("instructions")).sendKeys("Créer une API de gestion des stages.");
        page.findElement(By.id("filtre")).sendKeys("B2.1");
        page.findElement(By.id("skill-B2.1")).click(); // the checkbox selects; its title opens it
        page.findElement(By.id("filtre")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "sauvegardes");
        page.findElement(By.cssSelector("label[for='skill-B1.1.5']")).click();
        WebElement weight = page.findElement(By.cssSelector("input[aria-label='Coefficient de B1.1.5']"));
        weight.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        browser.screenshot("deep-linking-editeur");
        page.findElement(By.cssSelector("#activity-editor button[type=submit]")).click();

        waitFor(By.id("dl-done"));
        Map<String, Object> item = platform.deepLinkingResponses().getLast().items().getFirst();
        assertThat(item).containsEntry("title", "TP API REST");
        long activity = Long.parseLong(((Map<?, ?>) item.get("custom")).get("activity_id").toString());

        // 2. Two students open the activity; the teacher rates them from the keyboard
        flow.open(new fr.competences.lti.platform.Browser(), flow.student(ALAN, course, "L1", opens(activity)));
        flow.open(new fr.competences.lti.platform.Browser(), flow.student(GRACE, course, "L1", opens(activity)));
        inFrame(platform.coursePage(flow.teacher(course, "L1", opens(activity))).toString());
        waitFor(By.cssSelector("table.grid td[role=gridcell]"));
        assertThat(page.findElements(By.cssSelector("table.grid tbody th .name"))).extracting(WebElement::getText)
                .containsExactly("Grace Hopper", "Alan Turing"); // by family name
        page.findElement(By.cssSelector("td[data-row='0'][data-col='0']")).click();
        for (String key : List.of("2", "3", "e", "m")) {
            page.switchTo().activeElement().sendKeys(key);
        }
        page.switchTo().activeElement().sendKeys(Keys.END);
        page.switchTo().activeElement().sendKeys(Keys.ENTER);
        page.switchTo().activeElement().sendKeys("Très bonne API", Keys.ENTER);
        page.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "s"));
        new WebDriverWait(page, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("grid-status")).getText().startsWith("Enregistré"));
        assertThat(cellText(0, 0)).isEqualTo("Acquis");
        assertThat(cellText(0, 1)).isEqualTo("Maîtrisé");
        assertThat(cellText(1, 0)).isEqualTo("En cours d’acquisition");
        assertThat(cellText(1, 1)).isEqualTo("Maîtrisé");
        browser.screenshot("grille-enseignant");

        // 3. The student's view (Grace: the first row)
        inFrame(platform.coursePage(flow.student(GRACE, course, "L1", opens(activity))).toString());
        waitFor(By.cssSelector(".student-skills"));
        String student = page.findElement(By.tagName("main")).getText();
        assertThat(student).contains("TP API REST", "Créer une API de gestion des stages.", "B2.1", "B1.1.5",
                "Acquis", "Maîtrisé");
        browser.screenshot("vue-etudiant");
    }

    private static String cellText(int row, int col) {
        // the cell shows the level's initial; its full name is the title (and the cell's accessible name)
        return page.findElement(By.cssSelector("td[data-row='" + row + "'][data-col='" + col + "'] .level"))
                .getDomAttribute("title");
    }

    /** Opens the platform's course page and works inside the tool's frame. */
    private static void inFrame(String coursePage) {
        page.switchTo().defaultContent();
        page.get(coursePage);
        page.switchTo().frame("contentframe");
    }

    private static void waitFor(By element) {
        new WebDriverWait(page, Duration.ofSeconds(20)).until(d -> !d.findElements(element).isEmpty());
    }

}
