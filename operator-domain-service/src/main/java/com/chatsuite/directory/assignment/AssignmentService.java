package com.chatsuite.directory.assignment;

import java.time.Clock;

import com.chatsuite.contracts.events.directory.AssignmentUpdated;
import com.chatsuite.contracts.events.directory.OperatorAssigned;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.domain.Assignment;
import com.chatsuite.directory.domain.Domain;
import com.chatsuite.directory.domain.DomainName;
import com.chatsuite.directory.domain.Domains;
import com.chatsuite.directory.operator.Operator;
import com.chatsuite.directory.operator.Operators;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Assigns operators to domains of the same organisation and addon, and changes their
 * assignments. Assigning an operator twice changes the one assignment.
 */
@Service
class AssignmentService {

	private final Domains domains;

	private final Operators operators;

	private final Clock clock;

	AssignmentService(Domains domains, Operators operators, Clock clock) {
		this.domains = domains;
		this.operators = operators;
		this.clock = clock;
	}

	/**
	 * Assigns an active operator to an active domain, or changes the assignment it has.
	 * @param tenant the tenant
	 * @param name the domain
	 * @param operatorId the operator
	 * @param admin whether it administers the domain, {@code null} to keep or default
	 * @param uniqueId the product page, {@code null} to keep or leave out
	 * @return the assignment; 404 for an unknown domain or operator, 409 when either is
	 * inactive
	 */
	Mono<Assigned> assign(Tenant tenant, DomainName name, String operatorId, Boolean admin, String uniqueId) {
		Mono<Assigned> step = Mono.defer(() -> this.domains.require(tenant, name, "domain_name")
			.flatMap((domain) -> this.operators.require(tenant, operatorId, "operator_id")
				.flatMap((operator) -> assign(tenant, domain, operator, admin, uniqueId))));
		return ConcurrentChange.retrying(step, "domain_name");
	}

	/**
	 * Changes an operator's assignment to a domain.
	 * @param tenant the tenant
	 * @param name the domain
	 * @param operatorId the operator
	 * @param changes what to change
	 * @return the assignment; 404 for an unknown domain or an operator not assigned to it
	 */
	Mono<Assigned> update(Tenant tenant, DomainName name, String operatorId, AssignmentChanges changes) {
		Mono<Assigned> step = Mono.defer(() -> this.domains.require(tenant, name, "domain_name")
			.flatMap((domain) -> update(domain, operatorId, changes)));
		return ConcurrentChange.retrying(step, "domain_name");
	}

	private Mono<Assigned> assign(Tenant tenant, Domain domain, Operator operator, Boolean admin, String uniqueId) {
		if (!domain.active()) {
			return Mono.error(ApiException.conflict("domain_name",
					"domain '" + domain.name() + "' is inactive; activate it before assigning operators"));
		}
		if (!operator.isActiveIn(tenant.addon())) {
			return Mono.error(ApiException.conflict("operator_id", "operator '" + operator.id()
					+ "' is inactive in addon '" + tenant.addon() + "'; activate it before assigning it"));
		}
		Assignment current = domain.assignment(operator.id()).orElse(null);
		if (current != null) {
			return change(domain, current, current.with(admin, null, null, uniqueId))
				.map((assigned) -> assigned.by(operator));
		}
		Assignment created = Assignment.of(operator.id(), admin, uniqueId, this.clock.instant());
		OperatorAssigned event = new OperatorAssigned(operator.id(), domain.id(), domain.name(), domain.addon(),
				created.admin(), created.onlineStatus(), created.enabled(), created.uniqueId());
		return this.domains.changeAssignments(domain, domain.withAssignment(created), event)
			.map((stored) -> new Assigned(stored, created, operator));
	}

	private Mono<Assigned> update(Domain domain, String operatorId, AssignmentChanges changes) {
		Assignment current = domain.assignment(operatorId)
			.orElseThrow(() -> ApiException.notFound("operatorId",
					"operator '" + operatorId + "' is not assigned to domain '" + domain.name() + "'"));
		return change(domain, current,
				current.with(changes.admin(), changes.onlineStatus(), changes.enabled(), changes.uniqueId()));
	}

	private Mono<Assigned> change(Domain domain, Assignment current, Assignment changed) {
		if (changed.equals(current)) {
			return Mono.just(new Assigned(domain, current, null));
		}
		AssignmentUpdated event = new AssignmentUpdated(changed.operatorId(), domain.id(), domain.name(),
				domain.addon(), changed.admin(), changed.onlineStatus(), changed.enabled(), changed.uniqueId());
		return this.domains.changeAssignments(domain, domain.withAssignment(changed), event)
			.map((stored) -> new Assigned(stored, changed, null));
	}

	/**
	 * An assignment as stored, with its domain and, when known, its operator.
	 *
	 * @param domain the domain
	 * @param assignment the assignment
	 * @param operator the operator, or {@code null}
	 */
	record Assigned(Domain domain, Assignment assignment, Operator operator) {

		Assigned by(Operator assignee) {
			return new Assigned(this.domain, this.assignment, assignee);
		}

	}

}
