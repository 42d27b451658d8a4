package com.chatsuite.auth.apikey;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.chatsuite.auth.AuthApiSupport;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.security.TokenVerifier;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest
class ApiKeyIntegrationTests extends AuthApiSupport {

	@Autowired
	private EventJson json;

	@Autowired
	private TokenVerifier verifier;

	@Test
	void partnerCreatesAKeyShownOnceAndListedWithoutSecret() {
		String token = partnerToken();
		JsonNode created = body(
				create(token, "crm sync", List.of("workspaces:read", "points:write")).expectStatus().isCreated())
			.path("data");
		assertThat(created.path("id").asString()).isNotBlank();
		assertThat(created.path("name").asString()).isEqualTo("crm sync");
		assertThat(created.path("permissions").toString()).isEqualTo("[\"workspaces:read\",\"points:write\"]");
		String apiKey = created.path("api_key").asString();
		StepVerifier.create(this.verifier.verify(apiKey, java.util.Set.of(TokenKind.API_KEY))).assertNext((claims) -> {
			assertThat(claims.tokenId()).isEqualTo(created.path("id").asString());
			assertThat(claims.permissions()).containsExactly("workspaces:read", "points:write");
			assertThat(claims.expiresAt()).isNull();
		}).verifyComplete();

		this.web.get()
			.uri("/auth/api-keys")
			.header("access_token", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(1)
			.jsonPath("$.data[0].id")
			.isEqualTo(created.path("id").asString())
			.jsonPath("$.data[0].api_key")
			.doesNotExist();
	}

	@Test
	void revokingAKeyIsAnnouncedAndOnlyItsOwnerCanDoIt() throws Exception {
		String token = partnerToken();
		String id = body(create(token, "to revoke", List.of("workspaces:read")).expectStatus().isCreated()).path("data")
			.path("id")
			.asString();
		this.web.delete()
			.uri("/auth/api-keys/" + id)
			.header("Authorization", "Bearer " + partnerToken())
			.exchange()
			.expectStatus()
			.isNotFound();
		try (EventCollector revocations = EventCollector.of(Topics.AUTH_REVOCATIONS)) {
			this.web.delete()
				.uri("/auth/api-keys/" + id)
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.revoked_at")
				.isNotEmpty();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(revocations.records())
					.map((record) -> this.json.fromBytes(record.value()).data())
					.filteredOn(TokenRevoked.class::isInstance)
					.map(TokenRevoked.class::cast)
					.anySatisfy((revoked) -> {
						assertThat(revoked.scope()).isEqualTo(RevocationScope.API_KEY);
						assertThat(revoked.value()).isEqualTo(id);
					}));
		}
	}

	@Test
	void onlyPartnerAddonTokensManageKeys() {
		JsonNode organisation = api().createOrganisation(List.of("livechat"));
		String livechat = api().login(organisation, "livechat").path("access_token").asString();
		create(livechat, "nope", List.of("workspaces:read")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0);
	}

	@Test
	void keyNeedsANameAndValidPermissions() {
		String token = partnerToken();
		this.web.post()
			.uri("/auth/api-keys")
			.header("access_token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("permissions", List.of("workspaces:read")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
		create(token, "bad", List.of("DROP TABLE")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("permissions");
	}

	@Test
	void unknownPermissionNamesAreRefusedNamingTheKnownOnes() {
		String token = partnerToken();
		JsonNode refused = body(
				create(token, "typo", List.of("workspaces:read", "workspace:admin")).expectStatus().isBadRequest());
		assertThat(refused.path("errors").path(0).path("field").asString()).isEqualTo("permissions");
		assertThat(refused.path("message").asString()).contains("'workspace:admin' does not exist")
			.contains("clients:read")
			.contains("webhooks:write");
		JsonNode listed = body(
				this.web.get().uri("/auth/api-keys").header("access_token", token).exchange().expectStatus().isOk());
		assertThat(listed.path("data").size()).isZero();
	}

	private String partnerToken() {
		return api().login(api().createOrganisation(List.of("partner")), "partner").path("access_token").asString();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec create(String token, String name,
			List<String> permissions) {
		return this.web.post()
			.uri("/auth/api-keys")
			.header("access_token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "permissions", permissions))
			.exchange();
	}

}
