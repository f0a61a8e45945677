package fr.competences.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Browser;
import fr.competences.it.TestApps;
import fr.competences.lti.platform.Launch;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Debian's Chromium, the tool framed by the platform's course page: a student opens « Mon portfolio BTS » from
 * an activity, fills a réalisation, and the coverage panel changes without the page reloading. Screenshots in
 * target/it/screenshots.
 */
class PortfolioBrowserIT {

    static PortfolioFlow flow;
    static Browser browser;
    static WebDriver page;

    @BeforeAll
    static void start() {
        flow = new PortfolioFlow(TestApps.h2());
        browser = Browser.open();
        page = browser.driver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (flow != null) {
            flow.close();
        }
    }

    @Test
    void aStudentFillsARealisationAndSeesTheCoverageChangeWithoutReloading() {
        String course = "B" + UUID.randomUUID().toString().substring(0, 8);
        long activity = flow.activity(PortfolioFlow.ADA, course);
        page.get(flow.platform.coursePage(flow.launch(PortfolioFlow.ALAN, Launch.LEARNER, course, activity))
                .toString());
        page.switchTo().frame("contentframe");
        waitFor(By.linkText("Mon portfolio BTS"));
        page.findElement(By.linkText("Mon portfolio BTS")).click();
        waitFor(By.id("realisation-form"));
        assertThat(summary()).isEqualTo("Pas encore mobilisées : B1.1, B1.2, B1.3, B1.4, B1.5, B1.6.");

        ((JavascriptExecutor) page).executeScript("window.sameDocument = 'oui';");
        page.findElement(By.id("r-title")).sendKeys("Gestion du parc avec GLPI");
        page.findElement(By.id("r-organisation")).sendKeys("Lycée Évariste-Galois");
        page.findElement(By.cssSelector("input[name=skill][value='B1.1']")).click();
        page.findElement(By.cssSelector("input[name=skill][value='B1.2']")).click();
        page.findElement(By.cssSelector("#realisation-form button[type=submit]")).click();

        // the panel is replaced by the fresh one: an element read during the swap is stale, read again
        new WebDriverWait(page, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> summary().contains("B1.3") && !summary().contains("B1.1"));
        assertThat(summary()).isEqualTo("Pas encore mobilisées : B1.3, B1.4, B1.5, B1.6.");
        assertThat(((JavascriptExecutor) page).executeScript("return window.sameDocument;"))
                .as("no reload: the page's own variable is still there").isEqualTo("oui");
        assertThat(page.findElement(By.id("realisations")).getText()).contains("Gestion du parc avec GLPI");
        assertThat(page.findElement(By.id("realisation-status")).getText()).contains("Réalisation enregistrée");
        ((JavascriptExecutor) page).executeScript("document.getElementById('coverage').scrollIntoView();");
        browser.screenshot("portfolio-etudiant");
    }

    private static String summary() {
        return page.findElement(By.id("bloc1-summary")).getText();
    }

    private static void waitFor(By element) {
        new WebDriverWait(page, Duration.ofSeconds(20)).until(d -> !d.findElements(element).isEmpty());
    }
}
