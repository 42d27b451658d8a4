package com.chatsuite.directory.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.AgentMemberEnlisted;
import com.chatsuite.contracts.events.directory.AgentMemberRefused;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.partner.MemberInvited;
import com.chatsuite.contracts.events.partner.MemberRemoved;
import com.chatsuite.directory.AdminApi;
import com.chatsuite.directory.DirectoryIntegrationTest;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner workspace's agent members become operators of its organisation, within its
 * plan: enlisted in every addon of the workspace, refused with the reason beyond the
 * plan, deactivated when removed; admin members are no operators.
 */
@SuiteIntegrationTest
class AgentMembersIntegrationTests extends DirectoryIntegrationTest {

	@Test
	void anInvitedAgentBecomesAnActiveOperatorInEveryAddonOfTheWorkspace() throws Exception {
		String workspace = newOrganisation();
		workspaceOnPlan(workspace, "pro", 5, 5, LIVECHAT, SELLER_BUYER);
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			workspaceEvent(workspace, invited(workspace, "Agent.Ana@Example.org", "agent"));

			AgentMemberEnlisted enlisted = awaitOutcome(events, workspace, AgentMemberEnlisted.class);
			assertThat(enlisted.email()).isEqualTo("agent.ana@example.org");
			assertThat(enlisted.addons()).containsExactlyInAnyOrder(LIVECHAT, SELLER_BUYER);
			for (String addon : List.of(LIVECHAT, SELLER_BUYER)) {
				assertThat(body(api(workspace, addon).getOperator(enlisted.operatorId()).expectStatus().isOk())
					.path("data")
					.path("operator")
					.asBoolean()).isTrue();
			}
		}
	}

	@Test
	void anAdminMemberIsNoOperator() {
		String workspace = newOrganisation();
		workspaceOnPlan(workspace, "pro", 1, 5, LIVECHAT);
		workspaceEvent(workspace, invited(workspace, "boss@example.org", "admin"));

		// The one operator seat is still free.
		api(workspace, LIVECHAT).newOperator("ana@example.org");
	}

	@Test
	void anAgentBeyondThePlanIsRefusedWithTheReasonAndTakesNoSeat() throws Exception {
		String workspace = newOrganisation();
		workspaceOnPlan(workspace, "starter", 1, 1, LIVECHAT);
		AdminApi livechat = api(workspace, LIVECHAT);
		String ana = livechat.newOperator("ana@example.org");
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			workspaceEvent(workspace, invited(workspace, "bo@example.org", "agent"));

			AgentMemberRefused refused = awaitOutcome(events, workspace, AgentMemberRefused.class);
			assertThat(refused.email()).isEqualTo("bo@example.org");
			assertThat(refused.reason()).contains("plan limit reached: at most 1 operators on plan starter");
		}
		livechat.updateOperator(ana, java.util.Map.of("status", 0)).expectStatus().isOk();
		livechat.newOperator("cy@example.org");
	}

	@Test
	void removingTheMemberDeactivatesTheOperatorEverywhereAndFreesTheSeat() throws Exception {
		String workspace = newOrganisation();
		workspaceOnPlan(workspace, "pro", 1, 5, LIVECHAT, SELLER_BUYER);
		String operatorId;
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			workspaceEvent(workspace, invited(workspace, "ana@example.org", "agent"));
			operatorId = awaitOutcome(events, workspace, AgentMemberEnlisted.class).operatorId();

			workspaceEvent(workspace,
					new MemberRemoved(workspace, "partner-of-" + workspace, "ana@example.org", Instant.now()));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> dataOf(events, workspace, operatorId).stream()
					.filter(OperatorAddonStatusChanged.class::isInstance)
					.map(OperatorAddonStatusChanged.class::cast)
					.filter((changed) -> !changed.active())
					.map(OperatorAddonStatusChanged::addon)
					.toList(), (addons) -> addons.containsAll(List.of(LIVECHAT, SELLER_BUYER)));
		}
		for (String addon : List.of(LIVECHAT, SELLER_BUYER)) {
			assertThat(body(api(workspace, addon).getOperator(operatorId).expectStatus().isOk()).path("data")
				.path("operator")
				.asBoolean()).isFalse();
		}
		api(workspace, LIVECHAT).newOperator("bo@example.org");
	}

	@Test
	void aMemberInvitedAgainAfterRemovalIsActiveAgain() throws Exception {
		String workspace = newOrganisation();
		workspaceOnPlan(workspace, "pro", 2, 5, LIVECHAT);
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			workspaceEvent(workspace, invited(workspace, "ana@example.org", "agent"));
			String operatorId = awaitOutcome(events, workspace, AgentMemberEnlisted.class).operatorId();
			workspaceEvent(workspace,
					new MemberRemoved(workspace, "partner-of-" + workspace, "ana@example.org", Instant.now()));
			workspaceEvent(workspace, invited(workspace, "ana@example.org", "agent"));

			await().atMost(Duration.ofSeconds(20))
				.until(() -> outcomes(events, workspace, AgentMemberEnlisted.class), (all) -> all.size() == 2);
			assertThat(body(api(workspace, LIVECHAT).getOperator(operatorId).expectStatus().isOk()).path("data")
				.path("operator")
				.asBoolean()).isTrue();
		}
	}

	private static MemberInvited invited(String workspace, String email, String role) {
		return new MemberInvited(workspace, "partner-of-" + workspace, email.toLowerCase(java.util.Locale.ROOT), role,
				Instant.now());
	}

	private <T extends EventData> T awaitOutcome(EventCollector events, String workspace, Class<T> type) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> outcomes(events, workspace, type), (found) -> !found.isEmpty())
			.get(0);
	}

	private <T extends EventData> List<T> outcomes(EventCollector events, String workspace, Class<T> type) {
		return dataOf(events, workspace, workspace).stream().filter(type::isInstance).map(type::cast).toList();
	}

}
