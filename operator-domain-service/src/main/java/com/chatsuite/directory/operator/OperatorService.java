package com.chatsuite.directory.operator;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.directory.Email;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.presence.Presences;
import com.chatsuite.support.events.OutboxEvents;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Creates operators (one person per email and organisation, joining addons as needed),
 * shows them with their presence, and activates or deactivates them per addon.
 */
@Service
class OperatorService {

	private final OperatorRepository operators;

	private final Operators lookup;

	private final Presences presences;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Clock clock;

	OperatorService(OperatorRepository operators, Operators lookup, Presences presences, OutboxWrites writes,
			OutboxEvents events, Clock clock) {
		this.operators = operators;
		this.lookup = lookup;
		this.presences = presences;
		this.writes = writes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Makes a person an operator of the tenant's addon. A person already known by this
	 * email in the organisation is reused as is (same id and name); one already in the
	 * addon is answered unchanged.
	 * @param tenant the tenant
	 * @param email the person's email
	 * @param name the display name for a new person
	 * @return the operator
	 */
	Mono<Operator> create(Tenant tenant, Email email, String name) {
		Mono<Operator> step = Mono.defer(() -> this.operators.findByOrgIdAndEmail(tenant.orgId(), email.value())
			.flatMap((existing) -> joinAddon(tenant, existing))
			.switchIfEmpty(Mono.defer(() -> insert(tenant, email, name))));
		return ConcurrentChange.retrying(step, "email");
	}

	/**
	 * An operator of the tenant with its presence.
	 * @param tenant the tenant
	 * @param id the operator id
	 * @return the operator; 404 when not the tenant's
	 */
	Mono<OperatorWithPresence> find(Tenant tenant, String id) {
		return Mono.zip(this.lookup.require(tenant, id, "operatorId"), this.presences.of(tenant, id))
			.map((both) -> new OperatorWithPresence(both.getT1(), both.getT2()));
	}

	/**
	 * Activates or deactivates an operator in the tenant's addon; announced only when it
	 * changes.
	 * @param tenant the tenant
	 * @param id the operator id
	 * @param active the new status
	 * @return the operator; 404 when not the tenant's
	 */
	Mono<Operator> changeStatus(Tenant tenant, String id, boolean active) {
		Mono<Operator> step = Mono.defer(() -> this.lookup.require(tenant, id, "operatorId")
			.flatMap((operator) -> (operator.isActiveIn(tenant.addon()) == active) ? Mono.just(operator)
					: write(operator, operator.withMembership(tenant.addon(), active, this.clock.instant()),
							new OperatorAddonStatusChanged(id, operator.email(), tenant.addon(), active))));
		return ConcurrentChange.retrying(step, "operatorId");
	}

	private Mono<Operator> joinAddon(Tenant tenant, Operator existing) {
		if (existing.membership(tenant.addon()).isPresent()) {
			return Mono.just(existing);
		}
		return write(existing, existing.withMembership(tenant.addon(), true, this.clock.instant()),
				new OperatorCreated(existing.id(), existing.email(), existing.name(), tenant.addon(), true));
	}

	private Mono<Operator> insert(Tenant tenant, Email email, String name) {
		String id = UUID.randomUUID().toString();
		AddonMembership membership = new AddonMembership(tenant.addon(), true, this.clock.instant());
		OperatorCreated created = new OperatorCreated(id, email.value(), name, tenant.addon(), true);
		Operator operator = new Operator(id, tenant.orgId(), email.value(), name, List.of(membership),
				this.clock.instant(), null, List.of(this.events.of(id, tenant.orgId(), created)));
		// Another request created the same person a moment ago: start again and join it.
		return this.writes.insert(operator).onErrorMap(DuplicateKeyException.class, (ex) -> new ConcurrentChange());
	}

	private Mono<Operator> write(Operator operator, List<AddonMembership> addons, EventData event) {
		return this.writes.update(Operator.class, operator.id(), operator.version(), Update.update("addons", addons),
				this.events.of(operator.id(), operator.orgId(), event));
	}

	/**
	 * An operator and its presence in the tenant's addon.
	 *
	 * @param operator the operator
	 * @param presence its presence
	 */
	record OperatorWithPresence(Operator operator, AgentStatus presence) {
	}

}
