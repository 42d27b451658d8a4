package com.chatsuite.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Drives auth-service's HTTP API in tests, the way a client would.
 */
public final class AuthApi {

	public static final String ADMIN_USER = "test-admin";

	public static final String ADMIN_PASSWORD = "test-admin-password";

	public static final String PASSWORD = "correct horse battery";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WebTestClient web;

	public AuthApi(WebTestClient web) {
		this.web = web;
	}

	public String platformToken() {
		return body(this.web.post()
			.uri("/platform/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", ADMIN_USER, "password", ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()).path("data").path("access_token").asString();
	}

	/** Creates an organisation with a unique sub domain and answers {@code data}. */
	public JsonNode createOrganisation(List<String> addons) {
		String domain = "org-" + UUID.randomUUID().toString().substring(0, 8);
		return body(
				createOrganisation(domain, "owner@" + domain + ".example", PASSWORD, addons).expectStatus().isCreated())
			.path("data");
	}

	/** Asks the platform API to create an organisation. */
	public WebTestClient.ResponseSpec createOrganisation(String domain, String email, String password,
			List<String> addons) {
		return this.web.post()
			.uri("/platform/organisations")
			.header("Authorization", "Bearer " + platformToken())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisation_domain", domain, "email", email, "password", password, "addons", addons))
			.exchange();
	}

	/** Logs in and answers {@code data} of the token pair. */
	public JsonNode login(JsonNode organisation, String addon) {
		return body(this.web.get()
			.uri((uri) -> uri.path("/admin/access-token")
				.queryParam("email", organisation.path("email").asString())
				.queryParam("password", PASSWORD)
				.queryParam("organisation_domain", organisation.path("organisation_domain").asString())
				.queryParam("addon_unique_name", addon)
				.build())
			.exchange()
			.expectStatus()
			.isOk()).path("data");
	}

	static JsonNode body(WebTestClient.ResponseSpec response) {
		byte[] bytes = response.expectBody().returnResult().getResponseBody();
		return json.readTree(bytes);
	}

}
