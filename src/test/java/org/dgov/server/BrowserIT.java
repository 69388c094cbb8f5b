package org.dgov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.dgov.Shared;
import org.dgov.graph.NamedQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person sees, in headless Chromium (Debian's chromium and chromium-driver): the matrix, the
 * labels in both languages, a query that runs and shows rows. Screenshots go to {@code
 * target/screenshots/}. Skipped, not passed, where no browser can run.
 */
@ExtendWith(Shared.class)
class BrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void start(Shared.Server server) throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no chromium and chromedriver: apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,1400");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    try {
      browser = new ChromeDriver(service, options);
    } catch (WebDriverException e) {
      assumeTrue(
          false, "the browser cannot run here: " + e.getMessage().lines().findFirst().orElse(""));
    }
    base = server.base();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void homePageShowsTheCoverageMatrix() throws Exception {
    browser.get(base + "/");
    assertFalse(
        browser.findElements(By.cssSelector("svg rect[fill-opacity]")).isEmpty(),
        "covered cells in the heat map");
    assertTrue(
        browser
            .findElement(By.tagName("h1"))
            .getText()
            .contains("Global digital governance knowledge graph"));
    screenshot("home.png");
  }

  @Test
  void noMatrixLabelIsCutOff() {
    browser.get(base + "/");
    assertEquals("", clippedMatrixLabels(), "labels outside the matrix");
    assertFalse(
        browser.findElements(By.cssSelector("svg rect.derived")).isEmpty(),
        "derived cells are shown apart");
  }

  @Test
  void resourcePageShowsBothLanguagesAndSwitches() throws Exception {
    browser.get(base + "/doc/rcep");
    String title = browser.findElement(By.tagName("h1")).getText();
    assertTrue(
        title.contains("Regional Comprehensive Economic Partnership")
            && title.contains("区域全面经济伙伴关系协定"),
        title);
    browser.findElement(By.cssSelector(".langs button[data-lang='zh']")).click();
    assertFalse(
        browser.findElement(By.cssSelector("h1 [lang='en']")).isDisplayed(),
        "English hidden after choosing 中文");
    browser.navigate().refresh();
    assertEquals(
        "zh",
        browser.findElement(By.tagName("html")).getAttribute("data-lang"),
        "the choice is remembered");
    screenshot("resource-zh.png");
    browser.findElement(By.cssSelector(".langs button[data-lang='zh']")).click();
  }

  @Test
  void editorRunsAQueryAndShowsRows() throws Exception {
    String query =
        "PREFIX dgov: <https://w3id.org/dgov/ontology#> SELECT ?state WHERE { ?state a dgov:State } LIMIT 5";
    browser.get(base + "/editor?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".yasqe_queryButton")))
        .click();
    wait.until(
        ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".yasr table tbody tr"), 0));
    assertEquals(5, browser.findElements(By.cssSelector(".yasr table tbody tr")).size());
    screenshot("editor.png");
  }

  @Test
  void editorOpensEveryNamedQueryAsATabAndRunsIt() throws Exception {
    List<NamedQuery> queries = NamedQuery.all(Path.of("queries"));
    browser.get(base + "/editor");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector(".tabsList .tab"), queries.size()));
    List<WebElement> tabs = browser.findElements(By.cssSelector(".tabsList .tab a"));
    for (int i = 0; i < queries.size(); i++) {
      NamedQuery query = queries.get(i);
      tabs.get(i).click();
      assertEquals(query.title(), tabs.get(i).getText().lines().findFirst().orElse("").strip());
      assertEquals(query.text().strip(), editorText().strip(), query.name());
    }
    tabs.get(0).click();
    browser.findElement(By.cssSelector(".tabPanel.active .yasqe_queryButton")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBeMoreThan(
            By.cssSelector(".tabPanel.active .yasr table tbody tr"), 0));
  }

  @Test
  void editorCompletesTermsOfTheLocalOntology() throws Exception {
    browser.get(
        base
            + "/editor?query="
            + URLEncoder.encode(
                "PREFIX dgov: <https://w3id.org/dgov/ontology#>\nSELECT * WHERE { ?x a dgov:Agre",
                StandardCharsets.UTF_8));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(
        ExpectedConditions.elementToBeClickable(By.cssSelector(".tabPanel.active .CodeMirror")));
    ((JavascriptExecutor) browser)
        .executeScript(
            "const cm = document.querySelector('.tabPanel.active .CodeMirror').CodeMirror;"
                + " cm.focus(); cm.setCursor(cm.lineCount(), 0);");
    new org.openqa.selenium.interactions.Actions(browser)
        .keyDown(org.openqa.selenium.Keys.CONTROL)
        .sendKeys(org.openqa.selenium.Keys.SPACE)
        .keyUp(org.openqa.selenium.Keys.CONTROL)
        .perform();
    wait.until(
        ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".CodeMirror-hints li"), 0));
    String hints = browser.findElement(By.cssSelector(".CodeMirror-hints")).getText();
    assertTrue(hints.contains("dgov:Agreement"), hints);
    screenshot("editor-completion.png");
  }

  @ParameterizedTest
  @ValueSource(ints = {1200, 390})
  void nothingOverlapsOrIsCutOffOnDesktopAndPhone(int width) throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1400));
    try {
      browser.get(base + "/ontology");
      Object overlapping =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "const out = []; const dds = [...document.querySelectorAll('dd')];"
                      + "for (const dt of document.querySelectorAll('dt')) { const a = dt.getBoundingClientRect();"
                      + " for (const dd of dds) { const b = dd.getBoundingClientRect();"
                      + "  if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5"
                      + "   && b.top < a.bottom - 0.5) out.push(dt.textContent.trim()); } }"
                      + "return out.join(' | ');");
      assertEquals("", overlapping, "terms that overlap their descriptions at " + width + " px");
      assertEquals(
          Boolean.TRUE,
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return document.documentElement.scrollWidth <= window.innerWidth + 1;"),
          "/ontology is wider than the window at " + width + " px");
      screenshot("ontology-" + width + ".png");
      browser.get(base + "/");
      assertEquals("", clippedMatrixLabels(), "matrix labels cut off at " + width + " px");
      screenshot("home-" + width + ".png");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1400));
    }
  }

  /** The labels of the coverage matrix that stand outside its drawing, joined by " | ". */
  private static Object clippedMatrixLabels() {
    return ((JavascriptExecutor) browser)
        .executeScript(
            "const svg = document.querySelector('svg[aria-label=\"coverage matrix\"]');"
                + "const box = svg.getBoundingClientRect(); const out = [];"
                + "for (const t of svg.querySelectorAll('text')) { const r = t.getBoundingClientRect();"
                + " if (r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5"
                + " || r.bottom > box.bottom + 0.5) out.push(t.textContent); }"
                + "return out.join(' | ');");
  }

  /** The text in the editor of the tab shown. */
  private static String editorText() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.querySelector('.tabPanel.active .CodeMirror').CodeMirror.getValue();");
  }

  private static void screenshot(String name) throws Exception {
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(file.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
