package com.chatsuite.directory.visibility;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.directory.visibility.Verdict.Rule;

/**
 * SPEC section 4: the widget shows on a domain when the domain exists and is active, its
 * organisation is active (and its partner workspace, if any, not paused), and at least
 * one assigned operator is active in the addon, has {@code status} true on the assignment
 * (where the addon has it), {@code online_status} true and is online. Otherwise the
 * answer names the first unmet rule: the operator rules narrow the assigned operators
 * step by step, and the first step that leaves nobody is the one named.
 */
final class VisibilityRules {

	private VisibilityRules() {
	}

	/**
	 * The rules about the domain and its organisation, which need no operator.
	 * @param domainName the domain name asked about
	 * @param domainActive whether the domain is active, {@code null} when it does not
	 * exist
	 * @param organisationActive whether the organisation is active
	 * @param workspacePaused whether the organisation's partner workspace is paused
	 * @return the first unmet rule, empty when all four hold
	 */
	static Optional<Verdict> checkDomain(String domainName, Boolean domainActive, boolean organisationActive,
			boolean workspacePaused) {
		if (domainActive == null) {
			return Optional.of(Verdict.unmet(Rule.DOMAIN_EXISTS,
					"domain '" + domainName + "' is not registered for this organisation and addon"));
		}
		if (!domainActive) {
			return Optional.of(Verdict.unmet(Rule.DOMAIN_ACTIVE, "domain '" + domainName + "' is inactive"));
		}
		if (!organisationActive) {
			return Optional.of(Verdict.unmet(Rule.ORGANISATION_ACTIVE, "the organisation is disabled"));
		}
		if (workspacePaused) {
			return Optional.of(Verdict.unmet(Rule.WORKSPACE_ACTIVE, "workspace paused"));
		}
		return Optional.empty();
	}

	/**
	 * The rules about the operators assigned to the domain.
	 * @param domainName the domain name
	 * @param addon the addon
	 * @param assignmentStatusApplies whether the addon's assignments have a
	 * {@code status}
	 * @param candidates the assigned operators
	 * @return visible, or the first unmet rule
	 */
	static Verdict checkOperators(String domainName, String addon, boolean assignmentStatusApplies,
			List<Candidate> candidates) {
		if (candidates.isEmpty()) {
			return Verdict.unmet(Rule.OPERATOR_ASSIGNED, "no operator is assigned to domain '" + domainName + "'");
		}
		List<Candidate> remaining = keep(candidates, Candidate::activeInAddon);
		if (remaining.isEmpty()) {
			return Verdict.unmet(Rule.OPERATOR_ACTIVE,
					"no operator assigned to domain '" + domainName + "' is active in addon '" + addon + "'");
		}
		if (assignmentStatusApplies) {
			remaining = keep(remaining, Candidate::assignmentEnabled);
			if (remaining.isEmpty()) {
				return Verdict.unmet(Rule.ASSIGNMENT_ENABLED, "no active operator of domain '" + domainName
						+ "' has status true on its assignment (receives messages)");
			}
		}
		remaining = keep(remaining, Candidate::onlineStatus);
		if (remaining.isEmpty()) {
			return Verdict.unmet(Rule.ONLINE_STATUS,
					"no active operator of domain '" + domainName + "' has online_status true");
		}
		remaining = keep(remaining, (candidate) -> candidate.presence() == AgentStatus.ONLINE);
		if (remaining.isEmpty()) {
			return Verdict.unmet(Rule.OPERATOR_ONLINE,
					"no available operator of domain '" + domainName + "' is online");
		}
		return Verdict.VISIBLE;
	}

	private static List<Candidate> keep(List<Candidate> candidates, Predicate<Candidate> rule) {
		return candidates.stream().filter(rule).toList();
	}

}
