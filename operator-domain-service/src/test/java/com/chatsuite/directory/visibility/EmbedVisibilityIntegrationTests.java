package com.chatsuite.directory.visibility;

import java.time.Instant;
import java.util.Map;

import com.chatsuite.contracts.events.partner.WorkspaceActivated;
import com.chatsuite.contracts.events.partner.WorkspacePaused;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.directory.AdminApi;
import com.chatsuite.directory.DirectoryIntegrationTest;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The widget's own visibility question, asked without a token from a merchant's page: the
 * same rules as the addon API's check, and an answer that says visible or not and nothing
 * else, whatever is wrong.
 */
@SuiteIntegrationTest
class EmbedVisibilityIntegrationTests extends DirectoryIntegrationTest {

	private static final String VISIBLE = "{\"visible\": true}";

	private static final String INVISIBLE = "{\"visible\": false}";

	@Test
	void widgetAsksWithoutATokenAndLearnsOnlyWhetherItShows() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		ask(livechat.orgId(), LIVECHAT, "shop.example").expectBody().json(INVISIBLE, JsonCompareMode.STRICT);

		presence(livechat, operatorId, AgentStatus.ONLINE);
		eventually().untilAsserted(() -> ask(livechat.orgId(), LIVECHAT, "SHOP.example").expectBody()
			.json(VISIBLE, JsonCompareMode.STRICT));

		livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "online_status", false))
			.expectStatus()
			.isOk();
		ask(livechat.orgId(), LIVECHAT, "shop.example").expectBody().json(INVISIBLE, JsonCompareMode.STRICT);
	}

	@Test
	void aPausedWorkspacesWidgetIsInvisibleUntilItIsActivated() {
		AdminApi livechat = newTenant(LIVECHAT);
		String workspace = livechat.orgId();
		workspaceOnPlan(workspace, "starter", 3, 1, LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		presence(livechat, operatorId, AgentStatus.ONLINE);
		eventually().untilAsserted(
				() -> ask(workspace, LIVECHAT, "shop.example").expectBody().json(VISIBLE, JsonCompareMode.STRICT));

		workspaceEvent(workspace,
				new WorkspacePaused(workspace, "partner-of-" + workspace, "invoice overdue", Instant.now()));
		ask(workspace, LIVECHAT, "shop.example").expectBody().json(INVISIBLE, JsonCompareMode.STRICT);
		workspaceEvent(workspace, new WorkspaceActivated(workspace, "partner-of-" + workspace, Instant.now()));
		ask(workspace, LIVECHAT, "shop.example").expectBody().json(VISIBLE, JsonCompareMode.STRICT);
	}

	@Test
	void unknownOrganisationAddonOrDomainAreInvisibleWithoutAReason() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		presence(livechat, operatorId, AgentStatus.ONLINE);
		eventually().untilAsserted(() -> ask(livechat.orgId(), LIVECHAT, "shop.example").expectBody()
			.json(VISIBLE, JsonCompareMode.STRICT));

		ask(livechat.orgId(), LIVECHAT, "elsewhere.example").expectBody().json(INVISIBLE, JsonCompareMode.STRICT);
		ask(livechat.orgId(), SELLER_BUYER, "shop.example").expectBody().json(INVISIBLE, JsonCompareMode.STRICT);
		ask(livechat.orgId(), "partner", "shop.example").expectBody().json(INVISIBLE, JsonCompareMode.STRICT);
		ask(newOrganisation(), LIVECHAT, "shop.example").expectBody().json(INVISIBLE, JsonCompareMode.STRICT);
		ask("not an id", LIVECHAT, "shop.example").expectBody().json(INVISIBLE, JsonCompareMode.STRICT);
	}

	@Test
	void aQuestionWithoutItsFieldsIsABadRequest() {
		assertRejected(this.web.get()
			.uri("/embed/widget-visibility?organisation=o&addon=livechat")
			.exchange()
			.expectStatus()
			.isBadRequest(), "domain", "domain is required");
		assertRejected(this.web.get()
			.uri("/embed/widget-visibility?organisation=o&addon=livechat&domain=https://shop.example")
			.exchange()
			.expectStatus()
			.isBadRequest(), "domain", "without scheme");
	}

	private WebTestClient.ResponseSpec ask(String organisation, String addon, String domain) {
		return this.web.get()
			.uri((uri) -> uri.path("/embed/widget-visibility")
				.queryParam("organisation", organisation)
				.queryParam("addon", addon)
				.queryParam("domain", domain)
				.build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
