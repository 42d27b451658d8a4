package com.chatsuite.directory.assignment;

import java.util.Map;

import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.AssignmentUpdated;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.OperatorAssigned;
import com.chatsuite.directory.AdminApi;
import com.chatsuite.directory.DirectoryIntegrationTest;
import com.chatsuite.directory.domain.Domain;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class AssignmentIntegrationTests extends DirectoryIntegrationTest {

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void assignAnswersTheDocumentedFieldsWithoutUniqueIdOutsideSellerBuyer() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = body(
				livechat.createOperator(Map.of("email", "ada@example.org", "first_name", "Ada")).expectStatus().isOk())
			.path("data")
			.path("id")
			.asString();
		livechat.newDomain("shop.example");
		livechat.assign(Map.of("domain_name", "shop.example", "operator_id", operatorId, "is_admin", true))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"operators": {"name": "Ada", "email": "ada@example.org",
					 "userId": "%s", "is_admin": true}}}""".formatted(operatorId), JsonCompareMode.STRICT);
	}

	@Test
	void sellerBuyerAssignmentsCarryTheProductPagesUniqueId() {
		AdminApi sellerBuyer = newTenant(SELLER_BUYER);
		String operatorId = sellerBuyer.newOperator("ada@example.org");
		sellerBuyer.newDomain("shop.example");
		sellerBuyer.assign(Map.of("domain_name", "shop.example", "operator_id", operatorId, "unique_id", "product-42"))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"operators": {"name": "ada", "email": "ada@example.org",
					 "userId": "%s", "unique_id": "product-42", "is_admin": false}}}""".formatted(operatorId),
					JsonCompareMode.STRICT);
	}

	@Test
	void assignAcceptsAFormBody() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		this.web.post()
			.uri("/admin/operator/assign")
			.header("access_token", livechat.token())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("domain_name", "shop.example")
				.with("operator_id", operatorId)
				.with("is_admin", "true"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.operators.is_admin")
			.isEqualTo(true);
	}

	@Test
	void uniqueIdAndStatusBelongToSellerBuyerOnlyAndAreRefusedElsewhere() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		assertRejected(
				livechat
					.assign(Map.of("domain_name", "shop.example", "operator_id", operatorId, "unique_id", "product-42"))
					.expectStatus()
					.isBadRequest(),
				"unique_id", "unique_id applies only to addon 'seller_buyer_chat_system', not to 'livechat'");
		livechat.assigned("shop.example", operatorId);
		assertRejected(livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "status", false))
			.expectStatus()
			.isBadRequest(), "status", "status applies only to addon 'seller_buyer_chat_system'");
		assertRejected(livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "unique_id", "p"))
			.expectStatus()
			.isBadRequest(), "unique_id", "unique_id applies only to addon 'seller_buyer_chat_system'");
	}

	@Test
	void assignNeedsAnExistingDomainAndOperatorOfTheAddon() {
		String orgId = newOrganisation();
		AdminApi livechat = api(orgId, LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		assertRejected(livechat.assign(Map.of("operator_id", operatorId)).expectStatus().isBadRequest(), "domain_name",
				"domain_name is required");
		assertRejected(livechat.assign(Map.of("domain_name", "shop.example")).expectStatus().isBadRequest(),
				"operator_id", "operator_id is required");
		assertRejected(livechat.assign(Map.of("domain_name", "nowhere.example", "operator_id", operatorId))
			.expectStatus()
			.isNotFound(), "domain_name", "domain 'nowhere.example' is not registered");
		assertRejected(livechat.assign(Map.of("domain_name", "shop.example", "operator_id", "no-such-operator"))
			.expectStatus()
			.isNotFound(), "operator_id", "operator 'no-such-operator' does not exist");
		String sellerBuyerOnly = api(orgId, SELLER_BUYER).newOperator("grace@example.org");
		assertRejected(livechat.assign(Map.of("domain_name", "shop.example", "operator_id", sellerBuyerOnly))
			.expectStatus()
			.isNotFound(), "operator_id", "does not exist in addon 'livechat'");
	}

	@Test
	void assignNeedsAnActiveOperatorAndAnActiveDomain() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.updateOperator(operatorId, Map.of("status", 0)).expectStatus().isOk();
		assertRejected(livechat.assign(Map.of("domain_name", "shop.example", "operator_id", operatorId))
			.expectStatus()
			.isEqualTo(409), "operator_id", "is inactive in addon 'livechat'");
		livechat.updateOperator(operatorId, Map.of("status", 1)).expectStatus().isOk();
		livechat.updateDomain("shop.example", Map.of("status", false)).expectStatus().isOk();
		assertRejected(livechat.assign(Map.of("domain_name", "shop.example", "operator_id", operatorId))
			.expectStatus()
			.isEqualTo(409), "domain_name", "domain 'shop.example' is inactive");
	}

	@Test
	void assigningTwiceChangesTheOneAssignment() throws Exception {
		AdminApi sellerBuyer = newTenant(SELLER_BUYER);
		String operatorId = sellerBuyer.newOperator("ada@example.org");
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			sellerBuyer.newDomain("shop.example");
			sellerBuyer.assign(Map.of("domain_name", "shop.example", "operator_id", operatorId, "unique_id", "p-1"))
				.expectStatus()
				.isOk();
			sellerBuyer.assign(Map.of("domain_name", "shop.example", "operator_id", operatorId, "is_admin", true))
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.operators.is_admin")
				.isEqualTo(true)
				.jsonPath("$.data.operators.unique_id")
				.isEqualTo("p-1");
			Domain stored = this.mongo
				.findOne(Query.query(Criteria.where("orgId").is(sellerBuyer.orgId()).and("name").is("shop.example")),
						Domain.class)
				.block();
			assertThat(stored.operators()).singleElement().satisfies((assignment) -> {
				assertThat(assignment.operatorId()).isEqualTo(operatorId);
				assertThat(assignment.admin()).isTrue();
				assertThat(assignment.uniqueId()).isEqualTo("p-1");
			});
			eventually()
				.untilAsserted(() -> assertThat(dataOf(events, sellerBuyer.orgId(), stored.id())).containsExactly(
						new DomainCreated(stored.id(), "shop.example", "owner@shop.example", SELLER_BUYER, true),
						new OperatorAssigned(operatorId, stored.id(), "shop.example", SELLER_BUYER, false, true, true,
								"p-1"),
						new AssignmentUpdated(operatorId, stored.id(), "shop.example", SELLER_BUYER, true, true, true,
								"p-1")));
		}
	}

	@Test
	void updateAnswersTheDocumentedFieldsOutsideSellerBuyer() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "online_status", false))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"addon_unique_name": "livechat", "domain_name": "shop.example",
					 "operators": {"online_status": false, "is_admin": false, "status": true}}}""",
					JsonCompareMode.STRICT);
	}

	@Test
	void updateAnswersTheDocumentedFieldsInSellerBuyerAndIsPublished() throws Exception {
		AdminApi sellerBuyer = newTenant(SELLER_BUYER);
		String operatorId = sellerBuyer.newOperator("ada@example.org");
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			sellerBuyer.newDomain("shop.example");
			sellerBuyer.assigned("shop.example", operatorId);
			sellerBuyer
				.updateAssignment(operatorId,
						Map.of("domain_name", "shop.example", "status", false, "unique_id", "p-9", "is_admin", "1",
								"online_status", "false"))
				.expectStatus()
				.isOk()
				.expectBody()
				.json("""
						{"status": 1, "data": {"addon_unique_name": "seller_buyer_chat_system",
						 "domain_name": "shop.example", "operators": {"online_status": false, "unique_id": "p-9",
						 "is_admin": true, "status": false}}}""", JsonCompareMode.STRICT);
			eventually()
				.untilAsserted(() -> assertThat(events.records()).map((record) -> this.json.fromBytes(record.value()))
					.filteredOn((event) -> event.orgid().equals(sellerBuyer.orgId()))
					.anySatisfy((event) -> assertThat(event.data()).isInstanceOfSatisfying(AssignmentUpdated.class,
							(updated) -> {
								assertThat(updated.operatorId()).isEqualTo(operatorId);
								assertThat(updated.status()).isFalse();
								assertThat(updated.onlineStatus()).isFalse();
								assertThat(updated.isAdmin()).isTrue();
								assertThat(updated.uniqueId()).isEqualTo("p-9");
								assertThat(event.subject()).isEqualTo(updated.domainId());
							})));
		}
	}

	@Test
	void updateNeedsAtLeastOneUpdatableField() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		assertRejected(livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example"))
			.expectStatus()
			.isBadRequest(), "request", "at least one field to update: is_admin, online_status");
		assertRejected(
				livechat.updateAssignment(operatorId, Map.of("online_status", true)).expectStatus().isBadRequest(),
				"domain_name", "domain_name is required");
		assertRejected(livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "is_admin", "yes"))
			.expectStatus()
			.isBadRequest(), "is_admin", "is_admin must be true or false");
	}

	@Test
	void updateOfAnOperatorNotAssignedToTheDomainIsNotFound() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		assertRejected(livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "is_admin", true))
			.expectStatus()
			.isNotFound(), "operatorId", "is not assigned to domain 'shop.example'");
	}

	@Test
	void unchangedAssignmentIsAnsweredWithoutAWrite() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		JsonNode first = body(
				livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "online_status", true))
					.expectStatus()
					.isOk());
		assertThat(first.path("data").path("operators").path("online_status").asBoolean()).isTrue();
		Domain stored = this.mongo
			.findOne(Query.query(Criteria.where("orgId").is(livechat.orgId()).and("name").is("shop.example")),
					Domain.class)
			.block();
		// Created (version 0) and assigned (version 1); the no-op changed nothing.
		assertThat(stored.version()).isEqualTo(1L);
	}

}
