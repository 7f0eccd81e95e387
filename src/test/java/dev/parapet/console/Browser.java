package dev.parapet.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver} packages; nothing is downloaded). Screenshots go to {@code
 * target/console-screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  static Browser open(String base) {
    String chromium = executable("parapet.chromium", "/usr/bin/chromium");
    String chromedriver = executable("parapet.chromedriver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    driver.manage().window().setSize(new Dimension(1280, 900));
    return new Browser(driver, base);
  }

  private static String executable(String property, String fallback) {
    String path = Optional.ofNullable(System.getProperty(property)).orElse(fallback);
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(
          path
              + " is missing: install Debian's chromium and chromium-driver (.ci/run does), or"
              + " point -D"
              + property
              + " at them");
    }
    return path;
  }

  WebDriver driver() {
    return driver;
  }

  void get(String path) {
    driver.get(base + path);
  }

  String url() {
    return driver.getCurrentUrl();
  }

  WebElement find(String css) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    } catch (TimeoutException e) {
      throw lost(css, e);
    }
  }

  WebElement visible(String css) {
    return visible(css, Duration.ofSeconds(20));
  }

  /** Waits longer for what takes long on a busy machine, such as a reload that compiles. */
  WebElement visible(String css, Duration patience) {
    try {
      return new WebDriverWait(driver, patience)
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    } catch (TimeoutException e) {
      throw lost(css, e);
    }
  }

  /** Says where the browser was and what it showed, for a failure that explains itself. */
  private AssertionError lost(String css, TimeoutException e) {
    String page = driver.getPageSource();
    return new AssertionError(
        "no "
            + css
            + " at "
            + driver.getCurrentUrl()
            + "; the page shows: "
            + (page.length() > 3000 ? page.substring(0, 3000) : page),
        e);
  }

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  /** Signs in through the form, as a person would. */
  void signIn(String key) {
    driver.manage().deleteAllCookies();
    get("/console/sign-in");
    find("#credential").sendKeys(key);
    find("#sign-in button[type=submit]").click();
    find("#main");
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
