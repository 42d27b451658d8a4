package com.chatsuite.suite;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.chatsuite.testsupport.TestWebClients;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * Drives the running suite through the gateway as its users would: the platform admin
 * creates organisations, an organisation signs in to an addon and manages operators, an
 * operator gets an agent token.
 */
final class SuiteApi {

	static final JsonMapper json = JsonMapper.builder().build();

	private final WebTestClient gateway;

	SuiteApi(WebTestClient gateway) {
		this.gateway = gateway;
	}

	/** A client of the running suite's gateway. */
	static SuiteApi connect() {
		return new SuiteApi(TestWebClients.toServer(RunningSuite.get().gatewayUrl(), Duration.ofSeconds(20)));
	}

	WebTestClient gateway() {
		return this.gateway;
	}

	/** The demo organisation's access token for an addon. */
	String demoToken(String addon) {
		return addonToken("demo", "owner@demo.example", RunningSuite.DEMO_PASSWORD, addon);
	}

	/**
	 * A new organisation, made by the platform admin, signed in to the livechat addon.
	 */
	String newOrganisationToken() {
		Organisation organisation = newOrganisation(List.of("livechat"));
		return addonToken(organisation.domain(), organisation.email(), organisation.password(), "livechat");
	}

	/**
	 * A new organisation, made by the platform admin, with the given addons installed.
	 * @param addons the addons
	 * @return its sign-in credentials
	 */
	Organisation newOrganisation(List<String> addons) {
		String platformToken = platformToken();
		String domain = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
		Organisation organisation = new Organisation(domain, "owner@" + domain + ".example", "e2e-password-1");
		this.gateway.post()
			.uri("/platform/organisations")
			.headers((headers) -> headers.setBearerAuth(platformToken))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisation_domain", organisation.domain(), "email", organisation.email(), "password",
					organisation.password(), "addons", addons))
			.exchange()
			.expectStatus()
			.isCreated();
		return organisation;
	}

	/** A platform admin token. */
	String platformToken() {
		return data(this.gateway.post()
			.uri("/platform/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", RunningSuite.ADMIN_USER, "password", RunningSuite.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()).path("access_token").asString();
	}

	String addonToken(String organisationDomain, String email, String password, String addon) {
		return data(this.gateway.get()
			.uri((uri) -> uri.path("/admin/access-token")
				.queryParam("email", email)
				.queryParam("password", password)
				.queryParam("organisation_domain", organisationDomain)
				.queryParam("addon_unique_name", addon)
				.build())
			.exchange()
			.expectStatus()
			.isOk()).path("access_token").asString();
	}

	/** The organisation id a token names. */
	static String orgIdOf(String token) {
		return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("org").asString();
	}

	/** Creates an operator in the token's organisation and addon and answers its id. */
	String newOperator(String addonToken, String firstName) {
		String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.example";
		return data(post(addonToken, "/admin/operator/create", Map.of("email", email, "first_name", firstName))
			.expectStatus()
			.isOk()).path("id").asString();
	}

	/** An agent token for an operator, once auth-service has heard of it. */
	String agentToken(String addonToken, String operatorId) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			JsonNode data = data(post(addonToken, "/auth/agent-tokens", Map.of("operator_id", operatorId)));
			return data.has("access_token") ? data.path("access_token").asString() : null;
		}, (token) -> token != null);
	}

	WebTestClient.ResponseSpec post(String addonToken, String path, Map<String, Object> body) {
		return this.gateway.post()
			.uri(path)
			.header("access_token", addonToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	static JsonNode body(WebTestClient.ResponseSpec response) {
		return json.readTree(response.expectBody().returnResult().getResponseBody());
	}

	static JsonNode data(WebTestClient.ResponseSpec response) {
		return body(response).path("data");
	}

	/**
	 * An organisation's sign-in credentials.
	 *
	 * @param domain its {@code organisation_domain}
	 * @param email its email
	 * @param password its password
	 */
	record Organisation(String domain, String email, String password) {

		String addonToken(SuiteApi api, String addon) {
			return api.addonToken(this.domain, this.email, this.password, addon);
		}

	}

}
