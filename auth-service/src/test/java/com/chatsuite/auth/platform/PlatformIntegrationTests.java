package com.chatsuite.auth.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.chatsuite.auth.AuthApiSupport;
import com.chatsuite.auth.organisation.Organisation;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest
class PlatformIntegrationTests extends AuthApiSupport {

	@Autowired
	private EventJson json;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void platformTokenComesFromTheConfiguredCredentialsOnly() {
		this.web.post()
			.uri("/platform/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "test-admin", "password", "test-admin-password"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(1)
			.jsonPath("$.data.access_token")
			.isNotEmpty()
			.jsonPath("$.data.expire_in")
			.isEqualTo(900);
		this.web.post()
			.uri("/platform/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "test-admin", "password", "guess"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0);
	}

	@Test
	void createdOrganisationHasTheDocumentedShape() {
		this.web.post()
			.uri("/platform/organisations")
			.header("Authorization", "Bearer " + api().platformToken())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisation_domain", "Shape-Check-1", "email", "Owner@Shape.example", "password",
					PASSWORD, "addons", List.of("livechat")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(1)
			.jsonPath("$.data.id")
			.isNotEmpty()
			.jsonPath("$.data.organisation_domain")
			.isEqualTo("shape-check-1")
			.jsonPath("$.data.email")
			.isEqualTo("owner@shape.example")
			.jsonPath("$.data.addons[0]")
			.isEqualTo("livechat")
			.jsonPath("$.data.status")
			.isEqualTo("active")
			.jsonPath("$.data.password")
			.doesNotExist();
	}

	@Test
	void subDomainsAreUnique() {
		JsonNode existing = api().createOrganisation(List.of("livechat"));
		this.web.post()
			.uri("/platform/organisations")
			.header("Authorization", "Bearer " + api().platformToken())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisation_domain", existing.path("organisation_domain").asString(), "email",
					"other@x.example", "password", PASSWORD, "addons", List.of("livechat")))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("organisation_domain");
	}

	@Test
	void badInputNamesTheField() {
		String token = api().platformToken();
		Map<String, Object> unknownAddon = Map.of("organisation_domain", "bad-addon", "email", "a@b.example",
				"password", PASSWORD, "addons", List.of("teleport"));
		this.web.post()
			.uri("/platform/organisations")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(unknownAddon)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("addons");
		this.web.post()
			.uri("/platform/organisations")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("organisation_domain", "short-pass", "email", "a@b.example", "password", "123", "addons",
					List.of("livechat")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password");
	}

	@Test
	void platformApiRefusesMissingAndWrongKindTokens() {
		this.web.get().uri("/platform/organisations/anything").exchange().expectStatus().isUnauthorized();
		JsonNode organisation = api().createOrganisation(List.of("livechat"));
		String addonToken = api().login(organisation, "livechat").path("access_token").asString();
		this.web.get()
			.uri("/platform/organisations/" + organisation.path("id").asString())
			.header("Authorization", "Bearer " + addonToken)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("not accepted"));
	}

	@Test
	void addonsAreInstalledAndRemoved() {
		JsonNode organisation = api().createOrganisation(List.of("livechat"));
		String id = organisation.path("id").asString();
		String token = api().platformToken();
		this.web.put()
			.uri("/platform/organisations/" + id + "/addons/partner")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.addons.length()")
			.isEqualTo(2);
		api().login(organisation, "partner");
		this.web.delete()
			.uri("/platform/organisations/" + id + "/addons/partner")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.addons.length()")
			.isEqualTo(1);
		for (String unknown : List.of("/addons/teleport", "/addons/partner")) {
			this.web.method(unknown.endsWith("teleport") ? HttpMethod.PUT : HttpMethod.DELETE)
				.uri("/platform/organisations/" + id + unknown)
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("addon");
		}
	}

	@Test
	void removingAnAddonRevokesTheTokensIssuedForIt() throws Exception {
		JsonNode organisation = api().createOrganisation(List.of("livechat", "partner"));
		String id = organisation.path("id").asString();
		String partnerToken = api().login(organisation, "partner").path("access_token").asString();
		this.web.get().uri("/auth/api-keys").header("access_token", partnerToken).exchange().expectStatus().isOk();
		try (EventCollector revocations = EventCollector.of(Topics.AUTH_REVOCATIONS)) {
			this.web.delete()
				.uri("/platform/organisations/" + id + "/addons/partner")
				.header("Authorization", "Bearer " + api().platformToken())
				.exchange()
				.expectStatus()
				.isOk();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(revocations.records())
							.map((record) -> this.json.fromBytes(record.value()).data())
							.filteredOn((data) -> data instanceof TokenRevoked revoked
									&& revoked.scope() == RevocationScope.SUBJECT && id.equals(revoked.value())
									&& "partner".equals(revoked.addon()))
							.hasSize(1));
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.web.get()
				.uri("/auth/api-keys")
				.header("access_token", partnerToken)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.message")
				.value((message) -> assertThat((String) message).contains("addon removed")));
	}

	@Test
	void disablingAnOrganisationStopsItsLoginsAndIsAnnounced() throws Exception {
		JsonNode organisation = api().createOrganisation(List.of("livechat"));
		String id = organisation.path("id").asString();
		try (EventCollector revocations = EventCollector.of(Topics.AUTH_REVOCATIONS)) {
			this.web.post()
				.uri("/platform/organisations/" + id + "/disable")
				.header("Authorization", "Bearer " + api().platformToken())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.status")
				.isEqualTo("disabled");
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(revocations.records()).filteredOn((record) -> id.equals(record.key()))
					.map((record) -> this.json.fromBytes(record.value()).data())
					.hasAtLeastOneElementOfType(OrganisationDisabled.class));
		}
		this.web.get()
			.uri((uri) -> uri.path("/admin/access-token")
				.queryParam("email", organisation.path("email").asString())
				.queryParam("password", PASSWORD)
				.queryParam("organisation_domain", organisation.path("organisation_domain").asString())
				.queryParam("addon_unique_name", "livechat")
				.build())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void organisationChangesMadeWhileTheRelayRunsAreSentExactlyOnce() {
		JsonNode organisation = api().createOrganisation(List.of("livechat"));
		String id = organisation.path("id").asString();
		String token = api().platformToken();
		int rounds = 15;
		for (int round = 0; round < rounds; round++) {
			for (String change : List.of("/disable", "/enable")) {
				this.web.post()
					.uri("/platform/organisations/" + id + change)
					.header("Authorization", "Bearer " + token)
					.exchange()
					.expectStatus()
					.isOk();
			}
		}
		// Once the outbox is empty, everything it ever held has been acknowledged.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.findById(id, Organisation.class).block().outbox().isEmpty());
		List<String> eventIds = EventCollector.readToEnd(Topics.AUTH_REVOCATIONS)
			.stream()
			.filter((record) -> id.equals(record.key()))
			.map((record) -> this.json.fromBytes(record.value()).id())
			.toList();
		assertThat(eventIds).hasSize(2 * rounds).doesNotHaveDuplicates();
	}

	@Test
	void unknownOrganisationIsNotFound() {
		this.web.get()
			.uri("/platform/organisations/does-not-exist")
			.header("Authorization", "Bearer " + api().platformToken())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0);
	}

}
