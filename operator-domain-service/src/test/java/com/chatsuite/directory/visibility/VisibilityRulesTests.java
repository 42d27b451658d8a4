package com.chatsuite.directory.visibility;

import java.util.List;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.directory.visibility.Verdict.Rule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityRulesTests {

	private static final Candidate READY = new Candidate("op-1", true, true, true, AgentStatus.ONLINE);

	@Test
	void unknownDomainIsTheFirstUnmetRule() {
		assertThat(VisibilityRules.checkDomain("shop.example", null, false, false)).hasValueSatisfying((verdict) -> {
			assertThat(verdict.rule()).isEqualTo(Rule.DOMAIN_EXISTS);
			assertThat(verdict.reason()).contains("shop.example").contains("not registered");
		});
	}

	@Test
	void inactiveDomainComesBeforeADisabledOrganisation() {
		assertThat(VisibilityRules.checkDomain("shop.example", false, false, false))
			.hasValueSatisfying((verdict) -> assertThat(verdict.rule()).isEqualTo(Rule.DOMAIN_ACTIVE));
	}

	@Test
	void disabledOrganisationHidesAnActiveDomain() {
		assertThat(VisibilityRules.checkDomain("shop.example", true, false, false)).hasValueSatisfying((verdict) -> {
			assertThat(verdict.rule()).isEqualTo(Rule.ORGANISATION_ACTIVE);
			assertThat(verdict.reason()).contains("organisation is disabled");
		});
	}

	@Test
	void pausedWorkspaceHidesTheDomainsOfItsActiveOrganisation() {
		assertThat(VisibilityRules.checkDomain("shop.example", true, true, true)).hasValueSatisfying((verdict) -> {
			assertThat(verdict.rule()).isEqualTo(Rule.WORKSPACE_ACTIVE);
			assertThat(verdict.reason()).isEqualTo("workspace paused");
		});
	}

	@Test
	void activeDomainOfActiveOrganisationLeavesItToTheOperators() {
		assertThat(VisibilityRules.checkDomain("shop.example", true, true, false)).isEmpty();
	}

	@Test
	void domainWithoutOperatorsIsNotVisible() {
		assertThat(rule(List.of(), true)).isEqualTo(Rule.OPERATOR_ASSIGNED);
	}

	@Test
	void operatorsInactiveInTheAddonDoNotCount() {
		assertThat(rule(List.of(new Candidate("op-1", false, true, true, AgentStatus.ONLINE)), true))
			.isEqualTo(Rule.OPERATOR_ACTIVE);
	}

	@Test
	void disabledAssignmentsDoNotCountWhereTheAddonHasThem() {
		Candidate disabled = new Candidate("op-1", true, false, true, AgentStatus.ONLINE);
		assertThat(rule(List.of(disabled), true)).isEqualTo(Rule.ASSIGNMENT_ENABLED);
		assertThat(VisibilityRules.checkOperators("shop.example", "livechat", false, List.of(disabled)).visible())
			.isTrue();
	}

	@Test
	void operatorsShownAsUnavailableOnTheDomainDoNotCount() {
		assertThat(rule(List.of(new Candidate("op-1", true, true, false, AgentStatus.ONLINE)), true))
			.isEqualTo(Rule.ONLINE_STATUS);
	}

	@Test
	void operatorsOfflineAwayOrBusyDoNotCount() {
		for (AgentStatus presence : List.of(AgentStatus.OFFLINE, AgentStatus.AWAY, AgentStatus.BUSY)) {
			assertThat(rule(List.of(new Candidate("op-1", true, true, true, presence)), true))
				.isEqualTo(Rule.OPERATOR_ONLINE);
		}
	}

	@Test
	void oneOperatorMeetingEveryRuleIsEnough() {
		List<Candidate> candidates = List.of(new Candidate("op-0", false, true, true, AgentStatus.ONLINE), READY,
				new Candidate("op-2", true, true, true, AgentStatus.AWAY));
		Verdict verdict = VisibilityRules.checkOperators("shop.example", "seller_buyer_chat_system", true, candidates);
		assertThat(verdict.visible()).isTrue();
		assertThat(verdict.reason()).isNull();
	}

	@Test
	void rulesMustHoldForTheSameOperatorNotAcrossSeveral() {
		// One is online but not available on the domain, the other available but away.
		List<Candidate> candidates = List.of(new Candidate("op-1", true, true, false, AgentStatus.ONLINE),
				new Candidate("op-2", true, true, true, AgentStatus.AWAY));
		assertThat(rule(candidates, true)).isEqualTo(Rule.OPERATOR_ONLINE);
	}

	@Test
	void reasonNamesTheDomainAndTheAddon() {
		Verdict verdict = VisibilityRules.checkOperators("shop.example", "livechat", false,
				List.of(new Candidate("op-1", false, true, true, AgentStatus.ONLINE)));
		assertThat(verdict.reason()).contains("shop.example").contains("livechat");
	}

	private static Rule rule(List<Candidate> candidates, boolean assignmentStatusApplies) {
		return VisibilityRules
			.checkOperators("shop.example", "seller_buyer_chat_system", assignmentStatusApplies, candidates)
			.rule();
	}

}
