package com.chatsuite.directory.domain;

import java.util.Map;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.directory.AdminApi;
import com.chatsuite.directory.DirectoryIntegrationTest;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class DomainIntegrationTests extends DirectoryIntegrationTest {

	@Test
	void createAnswersTheDocumentedFieldsWithoutLinkOutsideSellerBuyer() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.createDomain(Map.of("domain_name", "shop.example", "email", "Owner@Shop.example"))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"name": "shop.example", "email": "owner@shop.example", "status": true,
					 "addon_unique_name": "livechat"}}""", JsonCompareMode.STRICT);
	}

	@Test
	void sellerBuyerDomainsComeWithAnEmbedSnippetLoadingTheWidgetThroughTheGateway() {
		AdminApi sellerBuyer = newTenant(SELLER_BUYER);
		JsonNode data = body(sellerBuyer.createDomain(Map.of("domain_name", "shop.example", "email", "o@shop.example"))
			.expectStatus()
			.isOk()).path("data");
		assertThat(data.path("addon_unique_name").asString()).isEqualTo(SELLER_BUYER);
		assertThat(data.path("link").asString()).startsWith("<script")
			.contains("src=\"https://chat.example.test/widget/seller_buyer_chat_system.js\"")
			.contains("data-organisation=\"" + sellerBuyer.orgId() + "\"")
			.contains("data-domain=\"shop.example\"");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("name", "email", "status", "addon_unique_name",
				"link");
	}

	@Test
	void createAcceptsAFormBody() {
		AdminApi livechat = newTenant(LIVECHAT);
		this.web.post()
			.uri("/admin/domain/create")
			.header("access_token", livechat.token())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("domain_name", "shop.example").with("email", "o@shop.example"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("shop.example");
	}

	@Test
	void namesAreStoredLowerCaseAndFoundWhateverTheirCase() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.createDomain(Map.of("domain_name", "  Shop.Example.COM ", "email", "o@shop.example"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("shop.example.com");
		livechat.getDomain("SHOP.example.com")
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"name": "shop.example.com", "email": "o@shop.example", "status": true}}""",
					JsonCompareMode.STRICT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://shop.example", "https://shop.example", "shop.example/cart", "shop.example:8080",
			"shop_example.com", "shop..example" })
	void namesWithSchemePathPortOrInvalidCharactersAreRefusedNamingDomainName(String name) {
		AdminApi livechat = newTenant(LIVECHAT);
		assertRejected(livechat.createDomain(Map.of("domain_name", name, "email", "o@shop.example"))
			.expectStatus()
			.isBadRequest(), "domain_name", "domain_name");
	}

	@Test
	void createNeedsANameAndAValidEmail() {
		AdminApi livechat = newTenant(LIVECHAT);
		assertRejected(livechat.createDomain(Map.of("email", "o@shop.example")).expectStatus().isBadRequest(),
				"domain_name", "domain_name is required");
		assertRejected(livechat.createDomain(Map.of("domain_name", "shop.example")).expectStatus().isBadRequest(),
				"email", "email is required");
		assertRejected(livechat.createDomain(Map.of("domain_name", "shop.example", "email", "shop"))
			.expectStatus()
			.isBadRequest(), "email", "valid email address");
	}

	@Test
	void aNameTakenInTheSameOrganisationAndAddonIsAConflictButFreeElsewhere() {
		String orgId = newOrganisation();
		AdminApi livechat = api(orgId, LIVECHAT);
		livechat.newDomain("shop.example");
		assertRejected(livechat.createDomain(Map.of("domain_name", "SHOP.example", "email", "o@shop.example"))
			.expectStatus()
			.isEqualTo(409), "domain_name", "domain 'shop.example' is already registered in addon 'livechat'");
		assertThat(api(orgId, SELLER_BUYER).newDomain("shop.example")).isEqualTo("shop.example");
		assertThat(newTenant(LIVECHAT).newDomain("shop.example")).isEqualTo("shop.example");
	}

	@Test
	void unknownDomainIsNotFound() {
		AdminApi livechat = newTenant(LIVECHAT);
		assertRejected(livechat.getDomain("nowhere.example").expectStatus().isNotFound(), "domain_name",
				"domain 'nowhere.example' is not registered in addon 'livechat'");
		assertRejected(livechat.updateDomain("nowhere.example", Map.of("status", false)).expectStatus().isNotFound(),
				"domain_name", "not registered");
	}

	@Test
	void updateChangesNameStatusAndEmailAndAnswersTheDocumentedFields() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.newDomain("shop.example");
		livechat
			.updateDomain("shop.example",
					Map.of("name", "Store.Example", "status", false, "email", "new@store.example"))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"name": "store.example", "status": false, "email": "new@store.example"}}""",
					JsonCompareMode.STRICT);
		livechat.getDomain("shop.example").expectStatus().isNotFound();
		livechat.getDomain("store.example")
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\": 1, \"data\": {\"name\": \"store.example\", \"email\": \"new@store.example\","
					+ " \"status\": false}}", JsonCompareMode.STRICT);
	}

	@Test
	void updateOfOneFieldKeepsTheOthers() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.newDomain("shop.example");
		livechat.updateDomain("shop.example", Map.of("status", "false"))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"name": "shop.example", "status": false, "email": "owner@shop.example"}}""",
					JsonCompareMode.STRICT);
	}

	@Test
	void updateNeedsAtLeastOneUpdatableField() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.newDomain("shop.example");
		assertRejected(livechat.updateDomain("shop.example", Map.of("colour", "blue")).expectStatus().isBadRequest(),
				"request", "at least one field to update: name, status or email");
	}

	@Test
	void updateRefusesInvalidValuesNamingTheField() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.newDomain("shop.example");
		assertRejected(livechat.updateDomain("shop.example", Map.of("name", "https://store.example"))
			.expectStatus()
			.isBadRequest(), "name", "without scheme");
		assertRejected(livechat.updateDomain("shop.example", Map.of("status", "maybe")).expectStatus().isBadRequest(),
				"status", "status must be true or false");
		assertRejected(livechat.updateDomain("shop.example", Map.of("email", "nobody")).expectStatus().isBadRequest(),
				"email", "valid email address");
		livechat.getDomain("shop.example").expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo(true);
	}

	@Test
	void renamingToATakenNameIsAConflictAndChangesNothing() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.newDomain("shop.example");
		livechat.newDomain("store.example");
		assertRejected(livechat.updateDomain("shop.example", Map.of("name", "store.example", "status", false))
			.expectStatus()
			.isEqualTo(409), "name", "domain 'store.example' is already registered");
		livechat.getDomain("shop.example").expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo(true);
	}

	@Test
	void renamingADomainKeepsItsAssignments() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		livechat.updateDomain("shop.example", Map.of("name", "store.example")).expectStatus().isOk();
		livechat.updateAssignment(operatorId, Map.of("domain_name", "store.example", "is_admin", true))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.domain_name")
			.isEqualTo("store.example")
			.jsonPath("$.data.operators.is_admin")
			.isEqualTo(true);
		assertThat(livechat.visibility("store.example").path("data").path("reason").asString()).contains("is online");
	}

	@Test
	void creationAndChangesArePublishedWithThePreviousName() throws Exception {
		AdminApi livechat = newTenant(LIVECHAT);
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			livechat.newDomain("shop.example");
			livechat.updateDomain("shop.example", Map.of("name", "store.example", "email", "o@store.example"))
				.expectStatus()
				.isOk();
			livechat.updateDomain("store.example", Map.of("name", "store.example")).expectStatus().isOk();
			livechat.updateDomain("store.example", Map.of("status", false)).expectStatus().isOk();
			eventually().untilAsserted(() -> {
				CloudEvent<?> created = events.records()
					.stream()
					.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
					.filter((event) -> event.orgid().equals(livechat.orgId()))
					.findFirst()
					.orElseThrow();
				String domainId = ((DomainCreated) created.data()).domainId();
				assertThat(created.subject()).isEqualTo(domainId);
				assertThat(dataOf(events, livechat.orgId(), domainId)).containsExactly(
						new DomainCreated(domainId, "shop.example", "owner@shop.example", LIVECHAT, true),
						new DomainUpdated(domainId, "store.example", "shop.example", "o@store.example", LIVECHAT, true),
						new DomainUpdated(domainId, "store.example", "store.example", "o@store.example", LIVECHAT,
								false));
			});
		}
	}

}
