package com.chatsuite.suite;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.testsupport.TestWebClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An organisation's token life, through the running gateway only: the platform admin
 * creates the organisation, it logs in, validates and regenerates its tokens, and a
 * replayed refresh token kills the chain everywhere.
 */
class TokenLifecycleEndToEndTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private WebTestClient gateway;

	@BeforeEach
	void gateway() {
		this.gateway = TestWebClients.toServer(RunningSuite.get().gatewayUrl(), Duration.ofSeconds(20));
	}

	@Test
	void organisationTokenLifecycleThroughTheGateway() {
		String platformToken = data(this.gateway.post()
			.uri("/platform/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", RunningSuite.ADMIN_USER, "password", RunningSuite.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()).path("access_token").asString();

		String domain = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode organisation = data(this.gateway.post()
			.uri("/platform/organisations")
			.header("Authorization", "Bearer " + platformToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisation_domain", domain, "email", "owner@" + domain + ".example", "password",
					"e2e-password", "addons", List.of("livechat", "partner")))
			.exchange()
			.expectStatus()
			.isCreated());
		assertThat(organisation.path("organisation_domain").asString()).isEqualTo(domain);

		JsonNode first = data(this.gateway.get()
			.uri((uri) -> uri.path("/admin/access-token")
				.queryParam("email", "owner@" + domain + ".example")
				.queryParam("password", "e2e-password")
				.queryParam("organisation_domain", domain)
				.queryParam("addon_unique_name", "partner")
				.build())
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(first.path("expire_in").asInt()).isEqualTo(3600);
		assertThat(first.path("organisation_domain").asString()).isEqualTo(domain);

		validate(first, "partner").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(1);

		JsonNode second = data(regenerate(first).expectStatus().isOk());
		validate(second, "partner").expectStatus().isOk();
		// The new access token opens a protected family at the gateway.
		listApiKeys(second.path("access_token").asString()).expectStatus().isOk();

		// Replaying the first refresh token revokes the whole chain...
		regenerate(first).expectStatus().isUnauthorized().expectBody().jsonPath("$.status").isEqualTo(0);
		validate(second, "partner").expectStatus().isUnauthorized();
		regenerate(second).expectStatus().isUnauthorized();
		// ...and the gateway refuses the chain's access token once the revocation reaches
		// it.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> listApiKeys(second.path("access_token").asString()).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.message")
				.value((message) -> assertThat((String) message).contains("revoked")));
	}

	private WebTestClient.ResponseSpec validate(JsonNode pair, String addon) {
		return this.gateway.post()
			.uri("/admin/access-token/validate")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("access_token=" + pair.path("access_token").asString() + "&refresh_token="
					+ pair.path("refresh_token").asString() + "&addon_unique_name=" + addon)
			.exchange();
	}

	private WebTestClient.ResponseSpec regenerate(JsonNode pair) {
		return this.gateway.post()
			.uri("/admin/access-token/regenerate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("access_token", pair.path("access_token").asString(), "refresh_token",
					pair.path("refresh_token").asString()))
			.exchange();
	}

	private WebTestClient.ResponseSpec listApiKeys(String accessToken) {
		return this.gateway.get().uri("/auth/api-keys").header("access_token", accessToken).exchange();
	}

	private static JsonNode data(WebTestClient.ResponseSpec response) {
		byte[] body = response.expectBody().returnResult().getResponseBody();
		return json.readTree(body).path("data");
	}

}
