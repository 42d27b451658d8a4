package com.chatsuite.directory.operator;

import java.util.List;
import java.util.Map;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.directory.AdminApi;
import com.chatsuite.directory.DirectoryIntegrationTest;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class OperatorIntegrationTests extends DirectoryIntegrationTest {

	@Test
	void createAnswersTheDocumentedFieldsAndNamesTheOperatorFromFirstAndLastName() {
		AdminApi livechat = newTenant(LIVECHAT);
		JsonNode body = body(livechat
			.createOperator(Map.of("email", "Ada@Example.org", "first_name", "Ada", "last_name", "Lovelace"))
			.expectStatus()
			.isOk());
		String id = body.path("data").path("id").asString();
		assertThat(id).isNotBlank();
		assertJson(body, """
				{"status": 1, "data": {"id": "%s", "name": "Ada Lovelace", "email": "ada@example.org",
				 "addon_unique_name": "livechat"}}""".formatted(id));
	}

	@Test
	void createAcceptsAFormBody() {
		AdminApi livechat = newTenant(LIVECHAT);
		this.web.post()
			.uri("/admin/operator/create")
			.header("access_token", livechat.token())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("email", "grace@example.org").with("first_name", "Grace"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("Grace")
			.jsonPath("$.data.email")
			.isEqualTo("grace@example.org");
	}

	@Test
	void withoutANameTheEmailsLocalPartIsTheName() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.createOperator(Map.of("email", "linus@example.org"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("linus");
	}

	@Test
	void creatingAKnownEmailAgainReusesThePersonAndIgnoresTheNewName() {
		AdminApi livechat = newTenant(LIVECHAT);
		String id = body(
				livechat.createOperator(Map.of("email", "ada@example.org", "first_name", "Ada")).expectStatus().isOk())
			.path("data")
			.path("id")
			.asString();
		JsonNode again = body(livechat
			.createOperator(Map.of("email", "ADA@example.org", "first_name", "Someone", "last_name", "Else"))
			.expectStatus()
			.isOk());
		assertJson(again, """
				{"status": 1, "data": {"id": "%s", "name": "Ada", "email": "ada@example.org",
				 "addon_unique_name": "livechat"}}""".formatted(id));
	}

	@Test
	void creatingAnEmailKnownInAnotherAddonMakesTheSamePersonAnOperatorThereToo() throws Exception {
		String orgId = newOrganisation();
		AdminApi livechat = api(orgId, LIVECHAT);
		AdminApi sellerBuyer = api(orgId, SELLER_BUYER);
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			String id = body(livechat.createOperator(Map.of("email", "ada@example.org", "first_name", "Ada"))
				.expectStatus()
				.isOk()).path("data").path("id").asString();
			JsonNode joined = body(
					sellerBuyer.createOperator(Map.of("email", "ada@example.org", "first_name", "Augusta"))
						.expectStatus()
						.isOk());
			assertJson(joined, """
					{"status": 1, "data": {"id": "%s", "name": "Ada", "email": "ada@example.org",
					 "addon_unique_name": "seller_buyer_chat_system"}}""".formatted(id));
			sellerBuyer.getOperator(id).expectStatus().isOk().expectBody().jsonPath("$.data.operator").isEqualTo(true);
			eventually().untilAsserted(() -> assertThat(dataOf(events, orgId, id)).containsExactly(
					new OperatorCreated(id, "ada@example.org", "Ada", LIVECHAT, true),
					new OperatorCreated(id, "ada@example.org", "Ada", SELLER_BUYER, true)));
		}
	}

	@Test
	void theSameEmailInAnotherOrganisationIsAnotherPerson() {
		String first = newTenant(LIVECHAT).newOperator("ada@example.org");
		String second = newTenant(LIVECHAT).newOperator("ada@example.org");
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void createNeedsAValidEmail() {
		AdminApi livechat = newTenant(LIVECHAT);
		assertRejected(livechat.createOperator(Map.of("first_name", "Ada")).expectStatus().isBadRequest(), "email",
				"email is required");
		assertRejected(livechat.createOperator(Map.of("email", "not-an-email")).expectStatus().isBadRequest(), "email",
				"valid email address");
		assertRejected(livechat.createOperator(Map.of("email", "ada@example.org", "first_name", "A".repeat(101)))
			.expectStatus()
			.isBadRequest(), "first_name", "at most 100");
	}

	@Test
	void malformedJsonIsABadRequestInTheAddonShape() {
		AdminApi livechat = newTenant(LIVECHAT);
		this.web.post()
			.uri("/admin/operator/create")
			.header("access_token", livechat.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0)
			.jsonPath("$.message")
			.isEqualTo("request body is not valid JSON");
	}

	@Test
	void getAnswersTheDocumentedFieldsWithPresenceAsStatusCode() {
		AdminApi livechat = newTenant(LIVECHAT);
		String id = body(
				livechat.createOperator(Map.of("email", "ada@example.org", "first_name", "Ada")).expectStatus().isOk())
			.path("data")
			.path("id")
			.asString();
		livechat.getOperator(id).expectStatus().isOk().expectBody().json("""
				{"status": 1, "data": {"_id": "%s", "name": "Ada", "email": "ada@example.org", "status": 0,
				 "operator": true}}""".formatted(id), JsonCompareMode.STRICT);

		presence(livechat, id, AgentStatus.BUSY);
		awaitPresence(livechat, id, AgentStatus.BUSY);
		presence(livechat, id, AgentStatus.AWAY);
		awaitPresence(livechat, id, AgentStatus.AWAY);
		presence(livechat, id, AgentStatus.ONLINE);
		awaitPresence(livechat, id, AgentStatus.ONLINE);
	}

	@Test
	void presenceIsPerAddon() {
		String orgId = newOrganisation();
		AdminApi livechat = api(orgId, LIVECHAT);
		AdminApi sellerBuyer = api(orgId, SELLER_BUYER);
		String id = livechat.newOperator("ada@example.org");
		sellerBuyer.newOperator("ada@example.org");
		presence(sellerBuyer, id, AgentStatus.ONLINE);
		awaitPresence(sellerBuyer, id, AgentStatus.ONLINE);
		livechat.getOperator(id).expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo(0);
	}

	@Test
	void updateDeactivatesAndReactivatesTheOperatorInTheTokensAddonOnly() {
		String orgId = newOrganisation();
		AdminApi livechat = api(orgId, LIVECHAT);
		AdminApi sellerBuyer = api(orgId, SELLER_BUYER);
		String id = livechat.newOperator("ada@example.org");
		sellerBuyer.newOperator("ada@example.org");

		livechat.updateOperator(id, Map.of("status", 0))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\": 1, \"data\": \"Status Changes Successfully\"}", JsonCompareMode.STRICT);
		livechat.getOperator(id).expectStatus().isOk().expectBody().jsonPath("$.data.operator").isEqualTo(false);
		sellerBuyer.getOperator(id).expectStatus().isOk().expectBody().jsonPath("$.data.operator").isEqualTo(true);

		livechat.updateOperator(id, Map.of("status", "1")).expectStatus().isOk();
		livechat.getOperator(id).expectStatus().isOk().expectBody().jsonPath("$.data.operator").isEqualTo(true);
	}

	@Test
	void updateAcceptsOnlyStatusZeroOrOne() {
		AdminApi livechat = newTenant(LIVECHAT);
		String id = livechat.newOperator("ada@example.org");
		assertRejected(livechat.updateOperator(id, Map.of("status", 2)).expectStatus().isBadRequest(), "status",
				"status must be 1 (active) or 0 (inactive)");
		assertRejected(livechat.updateOperator(id, Map.of("status", "active")).expectStatus().isBadRequest(), "status",
				"whole number");
		assertRejected(livechat.updateOperator(id, Map.of("name", "Ada")).expectStatus().isBadRequest(), "status",
				"status is required");
		livechat.getOperator(id).expectStatus().isOk().expectBody().jsonPath("$.data.operator").isEqualTo(true);
	}

	@Test
	void unknownOperatorIsNotFound() {
		AdminApi livechat = newTenant(LIVECHAT);
		assertRejected(livechat.getOperator("no-such-operator").expectStatus().isNotFound(), "operatorId",
				"operator 'no-such-operator' does not exist");
		assertRejected(livechat.updateOperator("no-such-operator", Map.of("status", 1)).expectStatus().isNotFound(),
				"operatorId", "does not exist");
	}

	@Test
	void statusChangesAreAnnouncedOnlyWhenTheStatusChanges() throws Exception {
		AdminApi livechat = newTenant(LIVECHAT);
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			String id = livechat.newOperator("ada@example.org");
			livechat.updateOperator(id, Map.of("status", 1)).expectStatus().isOk();
			livechat.updateOperator(id, Map.of("status", 0)).expectStatus().isOk();
			livechat.updateOperator(id, Map.of("status", 0)).expectStatus().isOk();
			livechat.updateOperator(id, Map.of("status", 1)).expectStatus().isOk();
			// Events of one operator arrive in order, so a superfluous one would show
			// before the last.
			eventually().untilAsserted(() -> {
				List<CloudEvent<?>> published = eventsOf(events, livechat.orgId(), id);
				assertThat(dataOf(events, livechat.orgId(), id)).containsExactly(
						new OperatorCreated(id, "ada@example.org", "ada", LIVECHAT, true),
						new OperatorAddonStatusChanged(id, "ada@example.org", LIVECHAT, false),
						new OperatorAddonStatusChanged(id, "ada@example.org", LIVECHAT, true));
				assertThat(published).allSatisfy((event) -> {
					assertThat(event.source()).isEqualTo("operator-domain-service");
					assertThat(event.subject()).isEqualTo(id);
					assertThat(event.orgid()).isEqualTo(livechat.orgId());
				});
			});
		}
	}

}
