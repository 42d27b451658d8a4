package com.chatsuite.directory.visibility;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.domain.Assignment;
import com.chatsuite.directory.domain.Domain;
import com.chatsuite.directory.domain.DomainName;
import com.chatsuite.directory.domain.Domains;
import com.chatsuite.directory.operator.Operator;
import com.chatsuite.directory.operator.Operators;
import com.chatsuite.directory.organisation.Organisations.Standing;
import com.chatsuite.directory.organisation.Organisations;
import com.chatsuite.directory.presence.Presences;
import com.chatsuite.directory.visibility.Verdict.Rule;
import com.chatsuite.directory.workspace.Workspaces;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Answers whether the widget shows on a domain. Asked on every page view, so it reads
 * little and in parallel: the domain (with its assignments), the organisation status and
 * whether its workspace is paused together, then the assigned operators and their
 * presence together; every read is by a unique key.
 */
@Service
class VisibilityService {

	private final Domains domains;

	private final Organisations organisations;

	private final Operators operators;

	private final Presences presences;

	private final Workspaces workspaces;

	VisibilityService(Domains domains, Organisations organisations, Operators operators, Presences presences,
			Workspaces workspaces) {
		this.domains = domains;
		this.organisations = organisations;
		this.workspaces = workspaces;
		this.operators = operators;
		this.presences = presences;
	}

	Mono<Verdict> check(Tenant tenant, DomainName name) {
		Mono<Optional<Domain>> domain = this.domains.find(tenant, name)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		return Mono
			.zip(domain, this.organisations.standing(tenant.orgId(), tenant.addon()),
					this.workspaces.isPaused(tenant.orgId()))
			.flatMap((all) -> check(tenant, name, all.getT1().orElse(null), all.getT2(), all.getT3()));
	}

	/**
	 * The verdict on a domain as read.
	 * @param domain the domain
	 * @return the verdict
	 */
	Mono<Verdict> check(Domain domain) {
		Tenant tenant = new Tenant(domain.orgId(), domain.addon());
		return Mono
			.zip(this.organisations.standing(domain.orgId(), domain.addon()), this.workspaces.isPaused(domain.orgId()))
			.flatMap((both) -> check(tenant, new DomainName(domain.name()), domain, both.getT1(), both.getT2()));
	}

	private Mono<Verdict> check(Tenant tenant, DomainName name, Domain domain, Standing organisation,
			boolean workspacePaused) {
		Optional<Verdict> unmet = VisibilityRules.checkDomain(name.value(), (domain != null) ? domain.active() : null,
				organisation.active(), workspacePaused);
		if (!organisation.addonInstalled() && (unmet.isEmpty() || unmet.get().rule() == Rule.WORKSPACE_ACTIVE)) {
			// After the organisation's own status, before its workspace's.
			unmet = Optional.of(Verdict.unmet(Rule.ADDON_INSTALLED,
					"addon '" + tenant.addon() + "' is not installed for the organisation"));
		}
		if (unmet.isPresent()) {
			return Mono.just(unmet.get());
		}
		return candidates(tenant, domain).map((candidates) -> VisibilityRules.checkOperators(domain.name(),
				tenant.addon(), tenant.isSellerBuyer(), candidates));
	}

	private Mono<List<Candidate>> candidates(Tenant tenant, Domain domain) {
		if (domain.operators().isEmpty()) {
			return Mono.just(List.of());
		}
		List<String> ids = domain.operators().stream().map(Assignment::operatorId).toList();
		Mono<Map<String, Operator>> operatorsById = this.operators.findAll(tenant, ids)
			.collectMap(Operator::id, Function.identity());
		return Mono.zip(operatorsById, this.presences.of(tenant, ids))
			.map((both) -> domain.operators()
				.stream()
				.map((assignment) -> candidate(tenant, assignment, both.getT1(), both.getT2()))
				.collect(Collectors.toList()));
	}

	private static Candidate candidate(Tenant tenant, Assignment assignment, Map<String, Operator> operators,
			Map<String, AgentStatus> presence) {
		Operator operator = operators.get(assignment.operatorId());
		boolean active = operator != null && operator.isActiveIn(tenant.addon());
		return new Candidate(assignment.operatorId(), active, assignment.enabled(), assignment.onlineStatus(),
				presence.getOrDefault(assignment.operatorId(), AgentStatus.OFFLINE));
	}

}
