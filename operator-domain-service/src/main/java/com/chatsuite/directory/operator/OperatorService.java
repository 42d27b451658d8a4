package com.chatsuite.directory.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.directory.Email;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.presence.Presences;
import com.chatsuite.directory.plan.PlanLimits;
import com.chatsuite.directory.plan.PlanLimits.Kind;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Creates operators (one person per email and organisation, joining addons as needed),
 * shows them with their presence, and activates or deactivates them per addon. A person
 * active in some addon holds one operator seat of the organisation's plan: becoming
 * active takes it (403 beyond the plan), becoming inactive everywhere frees it.
 */
@Service
public class OperatorService {

	private final OperatorRepository operators;

	private final Operators lookup;

	private final Presences presences;

	private final PlanLimits limits;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Clock clock;

	OperatorService(OperatorRepository operators, Operators lookup, Presences presences, PlanLimits limits,
			OutboxWrites writes, OutboxEvents events, Clock clock) {
		this.operators = operators;
		this.lookup = lookup;
		this.presences = presences;
		this.limits = limits;
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
	 * @return the operator; 403 when the plan allows no more operators
	 */
	Mono<Operator> create(Tenant tenant, Email email, String name) {
		Mono<Operator> step = Mono.defer(() -> this.operators.findByOrgIdAndEmail(tenant.orgId(), email.value())
			.flatMap((existing) -> joinAddon(tenant, existing))
			.switchIfEmpty(Mono.defer(() -> insert(tenant, email, name))));
		return ConcurrentChange.retrying(step, "email");
	}

	/**
	 * Makes a person an active operator of the tenant's addon, creating, joining or
	 * reactivating as needed; a person active there already is answered unchanged.
	 * @param tenant the tenant
	 * @param email the person's email
	 * @param name the display name for a new person
	 * @return the operator, active in the addon; 403 when the plan allows no more
	 * operators
	 */
	public Mono<Operator> enlist(Tenant tenant, Email email, String name) {
		return create(tenant, email, name).flatMap((operator) -> operator.isActiveIn(tenant.addon())
				? Mono.just(operator) : changeStatus(tenant, operator.id(), true));
	}

	/**
	 * Deactivates a person in every addon of the organisation where they are active.
	 * @param orgId the organisation
	 * @param email the person's email
	 * @return completes when done, at once when the person is no operator
	 */
	public Mono<Void> dismiss(String orgId, Email email) {
		return this.operators.findByOrgIdAndEmail(orgId, email.value())
			.flatMapMany((operator) -> Flux.fromIterable(operator.addons())
				.filter(AddonMembership::active)
				.concatMap((membership) -> changeStatus(new Tenant(orgId, membership.addon()), operator.id(), false)))
			.then();
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
	 * @return the operator; 404 when not the tenant's, 403 when activating one inactive
	 * everywhere beyond the plan's operators
	 */
	Mono<Operator> changeStatus(Tenant tenant, String id, boolean active) {
		Mono<Operator> step = Mono.defer(
				() -> this.lookup.require(tenant, id, "operatorId")
					.flatMap((operator) -> (operator.isActiveIn(tenant.addon()) == active) ? Mono.just(operator)
							: seatFor(operator, active).then(write(operator,
									operator.withMembership(tenant.addon(), active, this.clock.instant()),
									new OperatorAddonStatusChanged(id, operator.email(), tenant.addon(), active)))));
		return ConcurrentChange.retrying(step, "operatorId")
			.flatMap((operator) -> settle(tenant.orgId(), id).thenReturn(operator))
			.onErrorResume((ex) -> settle(tenant.orgId(), id).then(Mono.error(ex)));
	}

	private Mono<Operator> joinAddon(Tenant tenant, Operator existing) {
		if (existing.membership(tenant.addon()).isPresent()) {
			return Mono.just(existing);
		}
		return seatFor(existing, true)
			.then(write(existing, existing.withMembership(tenant.addon(), true, this.clock.instant()),
					new OperatorCreated(existing.id(), existing.email(), existing.name(), tenant.addon(), true)))
			.flatMap((operator) -> settle(tenant.orgId(), operator.id()).thenReturn(operator));
	}

	private Mono<Operator> insert(Tenant tenant, Email email, String name) {
		String id = UUID.randomUUID().toString();
		AddonMembership membership = new AddonMembership(tenant.addon(), true, this.clock.instant());
		OperatorCreated created = new OperatorCreated(id, email.value(), name, tenant.addon(), true);
		Instant now = this.clock.instant();
		Operator operator = new Operator(id, tenant.orgId(), email.value(), name, List.of(membership), now, now, null,
				List.of(this.events.of(id, tenant.orgId(), created)));
		// The seat goes first, so the limit is never passed; if the operator is not
		// written after all, the seat is freed again.
		return this.limits.take(tenant.orgId(), Kind.OPERATORS, id)
			.then(this.writes.insert(operator))
			.onErrorResume((ex) -> !(ex instanceof ApiException),
					(ex) -> this.limits.free(tenant.orgId(), Kind.OPERATORS, id).then(Mono.error(ex)))
			// Another request created the same person a moment ago: start again and join
			// it.
			.onErrorMap(DuplicateKeyException.class, (ex) -> new ConcurrentChange());
	}

	/**
	 * Becoming active where inactive everywhere takes a seat; anything else needs none.
	 */
	private Mono<Void> seatFor(Operator operator, boolean active) {
		return (active && !operator.isActiveAnywhere())
				? this.limits.take(operator.orgId(), Kind.OPERATORS, operator.id()) : Mono.empty();
	}

	private Mono<Void> settle(String orgId, String id) {
		return this.limits.settle(orgId, Kind.OPERATORS, id,
				this.operators.findById(id)
					.filter((operator) -> operator.orgId().equals(orgId))
					.map(Operator::isActiveAnywhere));
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
