package com.chatsuite.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.chatsuite.contracts.partner.PartnerPermission;
import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * A white-label partner runs its business through the gateway: the demo organisation
 * (addon {@code partner}) makes an API key, creates a workspace for a client, registers
 * webhooks at a local receiver; the client logs into its new organisation, creates an
 * operator and a domain whose widget shows; points are topped up and deducted; the
 * workspace is paused (its changes refused, its widget invisible, and so in its
 * {@code list-flows}, the plan's domain limit holding) and activated (its widget visible
 * again); an agent member becomes an operator; the receiver gets every event, each
 * signature verified with the Standard Webhooks reference library.
 */
class PartnerEndToEndTests {

	private static final List<String> EVENTS = List.of("workspace.created", "workspace.points_changed",
			"workspace.paused", "workspace.activated");

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final SuiteApi api = SuiteApi.connect();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final DisposableServer receiver = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.post("/hooks",
				(request, response) -> request.receive().aggregate().asString().flatMap((body) -> {
					Map<String, List<String>> headers = new HashMap<>();
					request.requestHeaders()
						.forEach((header) -> headers
							.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
							.add(header.getValue()));
					this.received.add(new Received(headers, body));
					return response.status(204).send().then();
				})))
		.bindNow();

	@AfterEach
	void stopReceiver() {
		this.receiver.disposeNow();
	}

	@Test
	void aPartnerSellsAWorkspaceItsClientUsesAndHearsOfEverythingSigned() {
		String apiKey = SuiteApi
			.data(this.api.post(this.api.demoToken("partner"), "/auth/api-keys",
					Map.of("name", "e2e reseller", "permissions", PartnerPermission.names())))
			.path("api_key")
			.asString();
		Map<String, String> secrets = new HashMap<>();
		for (String event : EVENTS) {
			JsonNode endpoint = SuiteApi.data(partner(apiKey, "/partner/set-webhook",
					Map.of("event", event, "url", "http://127.0.0.1:" + this.receiver.port() + "/hooks"))
				.expectStatus()
				.isCreated());
			secrets.put(event, endpoint.path("secret").asString());
		}

		String domain = "client-" + UUID.randomUUID().toString().substring(0, 8);
		String email = "owner@" + domain + ".example";
		JsonNode created = SuiteApi.data(partner(apiKey, "/partner/workspace/create",
				Map.of("name", "Client shop", "sub_domain", domain, "plan", "starter", "client",
						Map.of("email", email, "name", "Shop Owner", "password", "client-password-1")))
			.expectStatus()
			.isCreated());
		String workspaceId = created.path("id").asString();

		// The workspace is an organisation of the suite: its client signs in and works.
		String clientToken = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> this.api.addonToken(domain, email, "client-password-1", "livechat"), (token) -> token != null);
		assertThat(SuiteApi.orgIdOf(clientToken)).isEqualTo(workspaceId);
		String operatorId = this.api.newOperator(clientToken, "Ana");
		assertThat(operatorId).isNotBlank();
		String shop = domain + ".shop.example";
		this.api.post(clientToken, "/admin/domain/create", Map.of("domain_name", shop, "email", email))
			.expectStatus()
			.isOk();
		this.api.post(clientToken, "/admin/operator/assign", Map.of("domain_name", shop, "operator_id", operatorId))
			.expectStatus()
			.isOk();
		String agentToken = this.api.agentToken(clientToken, operatorId);
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.api.gateway()
				.put()
				.uri("/v1/online")
				.headers((headers) -> headers.setBearerAuth(agentToken))
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value() == 200);
		awaitWidgetVisible(workspaceId, shop, true);

		String base = "/partner/workspace/" + workspaceId;
		awaitFlow(apiKey, base, shop, true, null);
		assertThat(SuiteApi
			.data(partner(apiKey, base + "/topup-points", Map.of("points", 100, "reason", "pack")).expectStatus()
				.isOk())
			.path("balance")
			.asLong()).isEqualTo(100);
		assertThat(SuiteApi
			.data(partner(apiKey, base + "/deduct-points", Map.of("points", 30, "reason", "usage")).expectStatus()
				.isOk())
			.path("balance")
			.asLong()).isEqualTo(70);
		partner(apiKey, base + "/pause", Map.of("reason", "invoice overdue")).expectStatus().isOk();
		JsonNode refused = SuiteApi
			.body(partner(apiKey, base + "/topup-points", Map.of("points", 1, "reason", "x")).expectStatus()
				.isEqualTo(409));
		assertThat(refused.path("status").asString()).isEqualTo("error");
		assertThat(refused.path("message").asString()).contains("invoice overdue");
		awaitWidgetVisible(workspaceId, shop, false);
		assertThat(SuiteApi
			.data(this.api.post(clientToken, "/admin/check-widget-visiblity", Map.of("domain_name", shop))
				.expectStatus()
				.isOk())
			.path("reason")
			.asString()).isEqualTo("workspace paused");
		awaitFlow(apiKey, base, shop, false, "workspace paused");
		// The starter plan allows one domain.
		JsonNode beyondPlan = SuiteApi.body(this.api
			.post(clientToken, "/admin/domain/create", Map.of("domain_name", "more-" + shop, "email", email))
			.expectStatus()
			.isForbidden());
		assertThat(beyondPlan.path("message").asString()).contains("plan limit reached: at most 1 domains");
		partner(apiKey, base + "/active", Map.of()).expectStatus().isOk();
		awaitWidgetVisible(workspaceId, shop, true);
		awaitFlow(apiKey, base, shop, true, null);
		partner(apiKey, base + "/deduct-points", Map.of("points", 10, "reason", "usage")).expectStatus().isOk();

		// An agent member becomes an operator of the workspace's organisation.
		partner(apiKey, base + "/invite-member", Map.of("email", "agent@" + domain + ".example", "role", "agent"))
			.expectStatus()
			.isOk();
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> SuiteApi.data(partnerGet(apiKey, base + "/members")).path(0).path("status").asString(),
					"accepted"::equals);

		List<Received> all = await().atMost(Duration.ofSeconds(60))
			.until(() -> List.copyOf(this.received), (requests) -> requests.size() >= 6);
		List<JsonNode> payloads = new ArrayList<>();
		for (Received request : all) {
			JsonNode payload = SuiteApi.json.readTree(request.body());
			String secret = secrets.get(payload.path("type").asString());
			assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(request.body(), request.headers()));
			assertThat(payload.path("workspace_id").asString()).isEqualTo(workspaceId);
			payloads.add(payload);
		}
		payloads.sort(Comparator.comparing((payload) -> payload.path("timestamp").asString()));
		assertThat(payloads).extracting((payload) -> payload.path("type").asString())
			.containsExactly("workspace.created", "workspace.points_changed", "workspace.points_changed",
					"workspace.paused", "workspace.activated", "workspace.points_changed");
		assertThat(payloads).extracting((payload) -> payload.path("data").path("balance").asLong(-1))
			.containsExactly(-1L, 100L, 70L, -1L, -1L, 60L);
		assertThat(all.stream().map((request) -> request.headers().get("webhook-id").get(0)).distinct()).hasSize(6);
	}

	/**
	 * Waits for {@code list-flows} to say whether the widget shows on a domain, and why
	 * not.
	 */
	private void awaitFlow(String apiKey, String base, String domain, boolean visible, String reason) {
		JsonNode flow = await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> SuiteApi.data(partnerGet(apiKey, base + "/list-flows")).path(0),
					(found) -> found.path("visible").asBoolean(!visible) == visible);
		assertThat(flow.path("name").asString()).isEqualTo(domain);
		assertThat(flow.path("reason").isNull() ? null : flow.path("reason").asString()).isEqualTo(reason);
	}

	/** Asks as the widget on the merchant's page does, below the gateway's rate limit. */
	private void awaitWidgetVisible(String organisation, String domain, boolean visible) {
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> SuiteApi.body(this.api.gateway()
				.get()
				.uri((uri) -> uri.path("/embed/widget-visibility")
					.queryParam("organisation", organisation)
					.queryParam("addon", "livechat")
					.queryParam("domain", domain)
					.build())
				.exchange()),
					(answer) -> answer.path("visible").isBoolean() && answer.path("visible").asBoolean() == visible);
	}

	private WebTestClient.ResponseSpec partnerGet(String apiKey, String path) {
		return this.api.gateway().get().uri(path).headers((headers) -> headers.setBearerAuth(apiKey)).exchange();
	}

	private WebTestClient.ResponseSpec partner(String apiKey, String path, Map<String, ?> body) {
		return this.api.gateway()
			.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(apiKey))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/**
	 * A request the receiver got.
	 *
	 * @param headers its headers, names in lower case
	 * @param body its body
	 */
	record Received(Map<String, List<String>> headers, String body) {
	}

}
