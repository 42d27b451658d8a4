package com.chatsuite.directory;

import java.util.Map;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.json.JsonCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, called with another organisation's or another addon's token on this
 * tenant's ids and names, answers 404 and changes nothing.
 */
@SuiteIntegrationTest
class TenancyIntegrationTests extends DirectoryIntegrationTest {

	@Test
	void operatorOfAnotherOrganisationOrAddonIsNotFoundAndStaysUnchanged() {
		String orgId = newOrganisation();
		AdminApi owner = api(orgId, LIVECHAT);
		String operatorId = owner.newOperator("ada@example.org");
		for (AdminApi stranger : new AdminApi[] { newTenant(LIVECHAT), api(orgId, SELLER_BUYER) }) {
			assertRejected(stranger.getOperator(operatorId).expectStatus().isNotFound(), "operatorId",
					"does not exist in addon '" + stranger.addon() + "'");
			assertRejected(stranger.updateOperator(operatorId, Map.of("status", 0)).expectStatus().isNotFound(),
					"operatorId", "does not exist");
		}
		owner.getOperator(operatorId).expectStatus().isOk().expectBody().jsonPath("$.data.operator").isEqualTo(true);
	}

	@Test
	void creatingTheSameEmailInAnotherOrganisationLeavesThisOneAlone() {
		AdminApi owner = newTenant(LIVECHAT);
		String operatorId = body(
				owner.createOperator(Map.of("email", "ada@example.org", "first_name", "Ada")).expectStatus().isOk())
			.path("data")
			.path("id")
			.asString();
		AdminApi stranger = newTenant(LIVECHAT);
		String theirs = body(stranger.createOperator(Map.of("email", "ada@example.org", "first_name", "Mallory"))
			.expectStatus()
			.isOk()).path("data").path("id").asString();
		assertThat(theirs).isNotEqualTo(operatorId);
		owner.getOperator(operatorId).expectStatus().isOk().expectBody().jsonPath("$.data.name").isEqualTo("Ada");
		owner.getOperator(theirs).expectStatus().isNotFound();
	}

	@Test
	void domainOfAnotherOrganisationOrAddonIsNotFoundAndStaysUnchanged() {
		String orgId = newOrganisation();
		AdminApi owner = api(orgId, LIVECHAT);
		owner.newDomain("shop.example");
		for (AdminApi stranger : new AdminApi[] { newTenant(LIVECHAT), api(orgId, SELLER_BUYER) }) {
			assertRejected(stranger.getDomain("shop.example").expectStatus().isNotFound(), "domain_name",
					"domain 'shop.example' is not registered in addon '" + stranger.addon() + "'");
			assertRejected(stranger
				.updateDomain("shop.example",
						Map.of("status", false, "name", "evil.example", "email", "m@evil.example"))
				.expectStatus()
				.isNotFound(), "domain_name", "not registered");
		}
		owner.getDomain("shop.example")
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"name": "shop.example", "email": "owner@shop.example", "status": true}}""",
					JsonCompareMode.STRICT);
	}

	@Test
	void registeringTheSameDomainNameInAnotherOrganisationLeavesThisOneAlone() {
		AdminApi owner = newTenant(LIVECHAT);
		owner.newDomain("shop.example");
		newTenant(LIVECHAT).createDomain(Map.of("domain_name", "shop.example", "email", "m@evil.example"))
			.expectStatus()
			.isOk();
		owner.getDomain("shop.example")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.email")
			.isEqualTo("owner@shop.example");
	}

	@Test
	void assigningAcrossOrganisationsOrAddonsIsNotFoundAndAssignsNothing() {
		String orgId = newOrganisation();
		AdminApi owner = api(orgId, LIVECHAT);
		String operatorId = owner.newOperator("ada@example.org");
		owner.newDomain("shop.example");
		AdminApi stranger = newTenant(LIVECHAT);
		String strangersOperator = stranger.newOperator("mallory@example.org");
		stranger.newDomain("evil.example");

		assertRejected(stranger.assign(Map.of("domain_name", "shop.example", "operator_id", strangersOperator))
			.expectStatus()
			.isNotFound(), "domain_name", "domain 'shop.example' is not registered");
		assertRejected(stranger.assign(Map.of("domain_name", "evil.example", "operator_id", operatorId))
			.expectStatus()
			.isNotFound(), "operator_id", "operator '" + operatorId + "' does not exist");
		assertRejected(api(orgId, SELLER_BUYER).assign(Map.of("domain_name", "shop.example", "operator_id", operatorId))
			.expectStatus()
			.isNotFound(), "domain_name", "not registered in addon 'seller_buyer_chat_system'");

		assertThat(owner.visibility("shop.example").path("data").path("reason").asString())
			.isEqualTo("no operator is assigned to domain 'shop.example'");
		assertThat(stranger.visibility("evil.example").path("data").path("reason").asString())
			.isEqualTo("no operator is assigned to domain 'evil.example'");
	}

	@Test
	void changingAnAssignmentAcrossOrganisationsOrAddonsIsNotFoundAndChangesNothing() {
		String orgId = newOrganisation();
		AdminApi owner = api(orgId, LIVECHAT);
		String operatorId = owner.newOperator("ada@example.org");
		owner.newDomain("shop.example");
		owner.assigned("shop.example", operatorId);
		for (AdminApi stranger : new AdminApi[] { newTenant(LIVECHAT), api(orgId, SELLER_BUYER) }) {
			assertRejected(stranger
				.updateAssignment(operatorId,
						Map.of("domain_name", "shop.example", "is_admin", true, "online_status", false))
				.expectStatus()
				.isNotFound(), "domain_name", "not registered");
		}
		owner.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "online_status", true))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"addon_unique_name": "livechat", "domain_name": "shop.example",
					 "operators": {"online_status": true, "is_admin": false, "status": true}}}""",
					JsonCompareMode.STRICT);
	}

	@Test
	void widgetCheckOfAnotherOrganisationsOrAddonsDomainIsNotFound() {
		String orgId = newOrganisation();
		AdminApi owner = api(orgId, LIVECHAT);
		String operatorId = owner.newOperator("ada@example.org");
		owner.newDomain("shop.example");
		owner.assigned("shop.example", operatorId);
		presence(owner, operatorId, AgentStatus.ONLINE);
		eventually().until(() -> owner.visibility("shop.example").path("data").path("isWidgetVisible").asBoolean());
		for (AdminApi stranger : new AdminApi[] { newTenant(LIVECHAT), api(orgId, SELLER_BUYER) }) {
			stranger.checkVisibility("shop.example")
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("failure")
				.jsonPath("$.data.isWidgetVisible")
				.isEqualTo(false);
		}
	}

}
