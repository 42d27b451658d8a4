package com.chatsuite.suite;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium (Debian's {@code chromium} driven through
 * {@code chromium-driver}) with a profile of its own: a browser context that shares
 * nothing with another. Paths can be changed with {@code -Dsuite.test.chromium} and
 * {@code -Dsuite.test.chromedriver}.
 */
final class Browser implements AutoCloseable {

	/** How long a condition in the page may take on a busy machine. */
	static final Duration WAIT = Duration.ofSeconds(30);

	private static final Path SCREENSHOTS = Path.of("target/browser");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Browser start() {
		File chromium = new File(System.getProperty("suite.test.chromium", "/usr/bin/chromium"));
		File chromedriver = new File(System.getProperty("suite.test.chromedriver", "/usr/bin/chromedriver"));
		if (!chromium.canExecute() || !chromedriver.canExecute()) {
			throw new IllegalStateException("The browser tests need Chromium and its driver (" + chromium + ", "
					+ chromedriver + "): apt-get install chromium chromium-driver (.ci/run does)");
		}
		try {
			Path profile = Files.createTempDirectory("suite-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(chromium);
			// The page's console, shown when a condition is not met in time.
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
	}

	Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	/** Waits until a condition holds, failing after {@link #WAIT}. */
	<T> T until(String what, Function<WebDriver, T> condition) {
		try {
			// A page that re-renders may replace an element between finding and using it.
			return new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Not within " + WAIT.toSeconds() + " s: " + what + " ("
					+ this.driver.getCurrentUrl() + "); the page's console:\n" + consoleLog(), ex);
		}
	}

	private String consoleLog() {
		try {
			return this.driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::toString)
				.collect(Collectors.joining("\n"));
		}
		catch (RuntimeException ex) {
			return "(unavailable: " + ex.getMessage() + ")";
		}
	}

	/** The shadow root of the first element matching a selector, once there is one. */
	SearchContext shadowOf(String hostSelector) {
		return until(hostSelector + " with a shadow root", (driver) -> {
			WebElement host = driver.findElements(By.cssSelector(hostSelector)).stream().findFirst().orElse(null);
			return (host != null) ? host.getShadowRoot() : null;
		});
	}

	/** Saves a screenshot of the whole window to {@code target/browser/<name>.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A profile left in the temporary folder harms nothing.
		}
	}

}
