package com.chatsuite.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat widget and the agent console in real headless Chromium, against the running
 * suite: a merchant pastes the embed snippet operator-domain-service handed out into a
 * page of its own site (another origin); a visitor chats there with an agent who works in
 * the console, in a second browser with a profile of its own; both ways, live, until one
 * side closes and the other sees it. A page whose stylesheet hides everything and
 * restyles every button still gets a working widget. The time from the script tag to the
 * greeting on screen is measured in the browser and written to
 * {@code target/browser/timings.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserChatEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String ADDON = "seller_buyer_chat_system";

	/**
	 * Polls of rate-limited public paths (visitors: 60 per 10 s, the widget's visibility
	 * question: 30 per 10 s, per client address) stay below their refill, so the
	 * browsers' own calls from the same address are never refused.
	 */
	private static final Duration LIMITED_POLL = Duration.ofMillis(500);

	private final SuiteApi api = SuiteApi.connect();

	private final String gateway = RunningSuite.get().gatewayUrl();

	private SuiteApi.Organisation organisation;

	private String orgId;

	private String domain;

	private String operatorId;

	private String agent;

	private String snippet;

	private MerchantSite site;

	private Browser console;

	@BeforeAll
	void aMerchantWithADomainAndAnAgentSignedInToTheConsole() {
		this.organisation = this.api.newOrganisation(List.of("livechat", ADDON));
		String addonToken = this.organisation.addonToken(this.api, ADDON);
		this.orgId = SuiteApi.orgIdOf(addonToken);
		this.operatorId = this.api.newOperator(addonToken, "Olivia");
		this.domain = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		JsonNode created = SuiteApi.data(this.api
			.post(addonToken, "/admin/domain/create", Map.of("domain_name", this.domain, "email", "web@" + this.domain))
			.expectStatus()
			.isOk());
		this.snippet = created.path("link").asString();
		assertThat(this.snippet).startsWith("<script async src=\"" + this.gateway + "/widget/" + ADDON + ".js\"")
			.contains("data-organisation=\"" + this.orgId + "\"", "data-domain=\"" + this.domain + "\"");
		this.api
			.post(addonToken, "/admin/operator/assign",
					Map.of("domain_name", this.domain, "operator_id", this.operatorId))
			.expectStatus()
			.isOk();
		awaitChatRoomServiceKnowsTheOrganisation();
		// auth-service and ticket-service know the operator before the console signs in.
		this.agent = this.api.agentToken(addonToken, this.operatorId);
		await().atMost(WAIT).until(() -> agentCall("GET", "/v1/info") == 200);
		assertThat(visible()).isFalse();

		this.site = new MerchantSite();
		this.console = Browser.start();
		signInToTheConsoleAndGoOnline();
		await().atMost(WAIT).pollInterval(LIMITED_POLL).until(this::visible);
	}

	@AfterAll
	void stop() {
		if (this.console != null) {
			this.console.close();
		}
		if (this.site != null) {
			this.site.close();
		}
		if (this.agent != null) {
			agentCall("PUT", "/v1/offline");
		}
	}

	@Test
	void aVisitorOnAMerchantsPageAndAnAgentInTheConsoleChatBothWaysUntilTheAgentClosesTheChat() throws IOException {
		String shop = this.site.page("/shop.html", merchantPage("Corner Shop", "", this.snippet));
		try (Browser visitor = Browser.start()) {
			visitor.open(shop);
			SearchContext widget = widgetOf(visitor);
			assertThat(widget.findElement(By.cssSelector(".greeting")).getText()).isEqualTo("How may I help you?");
			assertThat(widget.findElement(By.cssSelector(".launcher")).isDisplayed()).isTrue();
			recordGreetingTimes(visitor);
			widget = widgetOf(visitor);
			visitor.screenshot("widget-greeting");

			widget.findElement(By.cssSelector(".launcher")).click();
			WebElement text = widget.findElement(By.cssSelector("textarea"));
			visitor.until("the message box has the focus", (driver) -> "text".equals(
					visitor.script("return document.querySelector('chat-suite-widget').shadowRoot.activeElement.id")));
			assertThat(widget.findElement(By.cssSelector("label[for=text]")).getText()).isEqualTo("Your message");
			assertThat(widget.findElement(By.cssSelector(".log")).getDomAttribute("aria-live")).isEqualTo("polite");
			text.sendKeys("Hello, where is my parcel?" + Keys.ENTER);

			String roomId = roomOf(visitor);
			this.console.until("the visitor's ticket in the console", (driver) -> openTicket(driver, roomId));
			this.console.until("the room's history",
					(driver) -> consoleMessages(driver).contains("Hello, where is my parcel?"));
			SearchContext chat = widget;
			visitor.until("the agent joined", (driver) -> widgetLog(chat).contains("Olivia joined the chat"));

			this.console.driver().findElement(By.id("pick")).click();
			this.console.until("picked time shown",
					(driver) -> driver.findElement(By.id("picked")).getText().startsWith("picked at"));
			assertThat(ticketOfRoom(roomId).path("metadata").path("pickedTimestamp").asLong()).isPositive();

			this.console.driver()
				.findElement(By.id("answer-text"))
				.sendKeys("It left our warehouse this morning." + Keys.ENTER);
			visitor.until("the agent's answer in the widget",
					(driver) -> widgetLog(chat).contains("It left our warehouse this morning."));
			text.sendKeys("Great, thank you!" + Keys.ENTER);
			this.console.until("the visitor's second message in the console",
					(driver) -> consoleMessages(driver).contains("Great, thank you!"));
			visitor.screenshot("widget-chat");
			this.console.screenshot("console-chat");

			this.console.driver().findElement(By.id("close-room")).click();
			this.console.until("the console shows the chat closed", (driver) -> roomShownClosed(driver, roomId));
			visitor.until("the widget shows the chat ended",
					(driver) -> chat.findElement(By.cssSelector(".notice")).getText().equals("The chat has ended."));
			assertThat(text.isEnabled()).isFalse();
			assertThat(chat.findElement(By.cssSelector(".again")).isDisplayed()).isTrue();
			visitor.screenshot("widget-closed");
		}
	}

	@Test
	void onAPageWhoseCssHidesEverythingTheWidgetStillWorksAndTheVisitorsCloseReachesTheConsole() {
		String hostile = this.site.page("/hostile.html", merchantPage("Hostile Shop", """
				* { display: none !important; }
				button { background: #f00 !important; color: #ff0 !important; font-size: 48px !important;
				  padding: 40px !important; border: 8px dashed #000 !important; }
				textarea, label, p { font-family: Impact, fantasy !important; font-size: 40px !important; }
				""", this.snippet));
		try (Browser visitor = Browser.start()) {
			visitor.open(hostile);
			SearchContext widget = widgetOf(visitor);
			WebElement launcher = widget.findElement(By.cssSelector(".launcher"));
			assertThat(launcher.isDisplayed()).isTrue();
			assertThat(visitor.script("return getComputedStyle(arguments[0]).backgroundColor", launcher))
				.isEqualTo("rgb(37, 99, 235)");
			assertThat(launcher.getSize().getHeight()).isBetween(20, 80);
			// The merchant's own content stays as its stylesheet says.
			assertThat(visitor.driver().findElement(By.id("merchant-text")).isDisplayed()).isFalse();

			launcher.click();
			widget.findElement(By.cssSelector("textarea")).sendKeys("Is anyone there?" + Keys.ENTER);
			String roomId = roomOf(visitor);
			this.console.until("the hostile page's ticket in the console", (driver) -> openTicket(driver, roomId));
			this.console.until("the room's history", (driver) -> consoleMessages(driver).contains("Is anyone there?"));
			this.console.driver().findElement(By.id("answer-text")).sendKeys("Yes, how can I help?" + Keys.ENTER);
			visitor.until("the agent's answer in the widget",
					(driver) -> widgetLog(widget).contains("Yes, how can I help?"));
			visitor.screenshot("widget-hostile-page");

			widget.findElement(By.cssSelector(".end")).click();
			visitor.until("the widget shows the chat ended",
					(driver) -> widget.findElement(By.cssSelector(".notice")).getText().equals("The chat has ended."));
			this.console.until("the console shows the visitor closed the chat",
					(driver) -> roomShownClosed(driver, roomId));
		}
	}

	// --- the console

	private void signInToTheConsoleAndGoOnline() {
		this.console.open(this.gateway + "/console/");
		WebDriver page = this.console.driver();
		page.findElement(By.id("organisation")).sendKeys(this.organisation.domain());
		page.findElement(By.id("email")).sendKeys(this.organisation.email());
		page.findElement(By.id("password")).sendKeys(this.organisation.password());
		new Select(page.findElement(By.id("addon"))).selectByValue(ADDON);
		page.findElement(By.id("operator")).sendKeys(this.operatorId);
		page.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
		this.console.until("signed in",
				(driver) -> driver.findElement(By.id("agent-name")).getText().contains("Olivia"));
		this.console.until("the ticket stream is live",
				(driver) -> driver.findElement(By.id("stream-state")).getText().equals("Live"));
		new Select(page.findElement(By.id("presence"))).selectByValue("online");
		this.console.until("online",
				(driver) -> "online".equals(driver.findElement(By.id("presence")).getDomAttribute("data-status")));
	}

	/** Opens the ticket of a room once the list shows it; the list is re-drawn live. */
	private static boolean openTicket(WebDriver console, String roomId) {
		List<WebElement> tickets = console.findElements(By.cssSelector("#tickets button[data-room='" + roomId + "']"));
		if (tickets.isEmpty()) {
			return false;
		}
		tickets.get(0).click();
		return roomId.equals(console.findElement(By.id("room")).getDomAttribute("data-room"));
	}

	private static boolean roomShownClosed(WebDriver console, String roomId) {
		WebElement room = console.findElement(By.id("room"));
		return roomId.equals(room.getDomAttribute("data-room")) && room.getDomAttribute("data-closed") != null
				&& console.findElement(By.id("room-state")).getText().equals("The chat is closed.");
	}

	private static String consoleMessages(WebDriver console) {
		return console.findElement(By.id("messages")).getText();
	}

	// --- the widget

	private static SearchContext widgetOf(Browser visitor) {
		return visitor.shadowOf("chat-suite-widget[data-ready]");
	}

	/**
	 * The visitor's room, as the widget keeps it in the page's storage once it opened it.
	 */
	private String roomOf(Browser visitor) {
		String key = "chat-suite:" + ADDON + ":" + this.orgId + ":" + this.domain;
		return visitor.until("the widget opened a room", (driver) -> (String) visitor.script(
				"var state = JSON.parse(localStorage.getItem(arguments[0]) || '{}'); return state.room || null;", key));
	}

	private static String widgetLog(SearchContext widget) {
		return widget.findElements(By.cssSelector(".log .message"))
			.stream()
			.map(WebElement::getText)
			.collect(Collectors.joining("\n"));
	}

	/**
	 * The time from the script tag to the greeting painted, on the first visit (nothing
	 * cached, new connections) and on five reloads.
	 */
	private void recordGreetingTimes(Browser visitor) throws IOException {
		List<Double> first = greetingTime(visitor);
		List<List<Double>> reloads = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			visitor.driver().navigate().refresh();
			widgetOf(visitor);
			reloads.add(greetingTime(visitor));
		}
		double median = reloads.stream().map((times) -> times.get(2)).sorted().toList().get(reloads.size() / 2);
		String line = String.format(Locale.ROOT,
				"script tag to greeting shown (script received / visibility answered / greeting painted, ms):"
						+ " first visit %s; reloads %s; median greeting on reload %.0f ms%n",
				rounded(first), reloads.stream().map(BrowserChatEndToEndTests::rounded).toList(), median);
		System.out.print(line);
		Path timings = Path.of("target/browser/timings.txt");
		Files.createDirectories(timings.getParent());
		Files.writeString(timings, line);
		// The goal is 300 ms on the local run; this bound only catches a widget that
		// waits
		// on something it should not, without failing a busy CI machine.
		assertThat(first.get(2)).isLessThan(5000);
		assertThat(median).isLessThan(5000);
	}

	private static String rounded(List<Double> times) {
		return times.stream()
			.map((time) -> String.format(Locale.ROOT, "%.0f", time))
			.collect(Collectors.joining(" / "));
	}

	/**
	 * Milliseconds from the script tag to: the widget script received, the visibility
	 * answer received, the greeting painted.
	 */
	@SuppressWarnings("unchecked")
	private static List<Double> greetingTime(Browser visitor) {
		List<Object> times = visitor.until("the greeting's timing", (driver) -> (List<Object>) visitor
			.script("""
					var tag = performance.getEntriesByName('merchant:snippet')[0];
					var shown = performance.getEntriesByName('chat-suite:greeting-shown')[0];
					var end = function (part) {
					  var entry = performance.getEntriesByType('resource').filter(function (e) { return e.name.indexOf(part) >= 0; })[0];
					  return entry ? Math.max(0, entry.responseEnd - tag.startTime) : -1;
					};
					return (tag && shown) ? [end('/widget/'), end('/embed/widget-visibility'), shown.startTime - tag.startTime] : null;"""));
		return times.stream().map((time) -> ((Number) time).doubleValue()).toList();
	}

	private static String merchantPage(String shop, String css, String snippet) {
		return """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>%s</title>
				<style>body { font-family: Georgia, serif; margin: 40px; background: #fffbeb; color: #3f2d0c; }
				%s</style></head>
				<body><h1>%s</h1><p id="merchant-text">Hand-made goods, shipped the same day.</p>
				<script>performance.mark('merchant:snippet')</script>
				%s
				</body></html>
				""".formatted(shop, css, shop, snippet);
	}

	// --- the API

	/**
	 * chat-room-service accepts rooms of the organisation once auth-service's event
	 * reached it: a probe room, closed at once, shows it has.
	 */
	private void awaitChatRoomServiceKnowsTheOrganisation() {
		JsonNode opened = await().atMost(WAIT)
			.pollInterval(LIMITED_POLL)
			.until(() -> SuiteApi.body(this.api.gateway()
				.post()
				.uri("/api/v2/room-control/")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("user_id", "probe", "org_id", this.orgId, "portfolio_name", "probe", "product_name",
						"probe." + this.domain))
				.exchange()), (answer) -> answer.path("success").asBoolean());
		this.api.gateway()
			.post()
			.uri("/api/v2/room-service/")
			.header("X-Room-Token", opened.path("response").path("room_token").asString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("type", "delete_room", "room_id", opened.path("inserted_id").asString()))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private boolean visible() {
		return SuiteApi
			.body(this.api.gateway()
				.get()
				.uri((uri) -> uri.path("/embed/widget-visibility")
					.queryParam("organisation", this.orgId)
					.queryParam("addon", ADDON)
					.queryParam("domain", this.domain)
					.build())
				.exchange()
				.expectStatus()
				.isOk())
			.path("visible")
			.asBoolean();
	}

	private JsonNode ticketOfRoom(String roomId) {
		JsonNode tickets = SuiteApi.body(this.api.gateway()
			.get()
			.uri("/v1/tickets?closed=true")
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.exchange()
			.expectStatus()
			.isOk());
		for (JsonNode ticket : tickets) {
			if (ticket.path("metadata").path("roomId").asString().equals(roomId)) {
				return ticket;
			}
		}
		throw new AssertionError("no ticket of room " + roomId);
	}

	private int agentCall(String method, String path) {
		return this.api.gateway()
			.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

}
