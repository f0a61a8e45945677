package fr.competences.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.Browser;
import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The référentiel page in a real browser: the tree can be filtered and folded from the keyboard, and the
 * result is announced. The page's script does not depend on the database, so H2 is enough here.
 */
class ReferentielTreeBrowserIT {

    static TestApp app;
    static Browser browser;
    static WebDriver page;

    @BeforeAll
    static void openHomePage() {
        app = TestApps.h2();
        browser = Browser.open();
        page = browser.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void typingInTheFilterKeepsMatchesWithTheirPathAndAnnouncesTheCount() {
        page.get(app.baseUrl() + "/");
        WebElement filter = page.findElement(By.id("filtre"));
        assertThat(page.findElement(By.cssSelector("label[for=filtre]")).getText()).isEqualTo("Filtrer par code ou par mot");

        filter.sendKeys("sauvegardes");

        waitFor(() -> status().equals("1 élément(s) trouvé(s)."));
        assertThat(visibleCodes()).containsExactly("B1", "B1.1", "B1.1.5");
        browser.screenshot("referentiel-filtre");

        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waitFor(() -> status().isEmpty());
        assertThat(visibleCodes()).hasSize(3 + 14 + 63);
    }

    @Test
    void aCodeFindsTheItemAndKeepsItsSavoirFaireInView() {
        page.get(app.baseUrl() + "/");
        page.findElement(By.id("filtre")).sendKeys("B2.3");

        waitFor(() -> !status().isEmpty());
        assertThat(visibleCodes()).contains("B2", "B2.3", "B2.3.1", "B2.3.4").doesNotContain("B1", "B2.1", "B3");
    }

    @Test
    void theKeyboardAloneFoldsAndUnfoldsTheTree() {
        page.get(app.baseUrl() + "/");
        WebElement collapse = page.findElement(By.xpath("//button[normalize-space()='Tout replier']"));
        collapse.sendKeys(Keys.ENTER);
        waitFor(() -> openDetails() == 0);

        WebElement firstBloc = page.findElement(By.cssSelector(".bloc > details > summary"));
        firstBloc.sendKeys(Keys.ENTER);
        waitFor(() -> openDetails() == 1);

        page.findElement(By.xpath("//button[normalize-space()='Tout déplier']")).sendKeys(Keys.SPACE);
        waitFor(() -> openDetails() == 3 + 14);
    }

    private static String status() {
        return page.findElement(By.id("filter-status")).getText();
    }

    private static long openDetails() {
        return page.findElements(By.cssSelector("#tree details")).stream()
                .filter(d -> d.getDomAttribute("open") != null).count();
    }

    /** Codes of the items a user can see (hidden ones and those inside closed folds excluded). */
    private static List<String> visibleCodes() {
        return page.findElements(By.cssSelector("#tree .code")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(page, Duration.ofSeconds(5)).until(driver -> condition.getAsBoolean());
    }
}
