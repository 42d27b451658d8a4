package com.chatsuite.directory.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.directory.Email;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.plan.PlanLimits;
import com.chatsuite.directory.plan.PlanLimits.Kind;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Registers, shows and changes an organisation's domains in one addon.
 */
@Service
class DomainService {

	private final Domains domains;

	private final DomainRepository repository;

	private final PlanLimits limits;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Clock clock;

	DomainService(Domains domains, DomainRepository repository, PlanLimits limits, OutboxWrites writes,
			OutboxEvents events, Clock clock) {
		this.domains = domains;
		this.repository = repository;
		this.limits = limits;
		this.writes = writes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers a domain, active.
	 * @param tenant the tenant
	 * @param name its name
	 * @param email its contact email
	 * @return the domain; 409 when the tenant has one of that name already, 403 when the
	 * plan allows no more domains
	 */
	Mono<Domain> create(Tenant tenant, DomainName name, Email email) {
		String id = UUID.randomUUID().toString();
		DomainCreated created = new DomainCreated(id, name.value(), email.value(), tenant.addon(), true);
		Instant now = this.clock.instant();
		Domain domain = new Domain(id, tenant.orgId(), tenant.addon(), name.value(), email.value(), true, List.of(),
				now, now, null, List.of(this.events.of(id, tenant.orgId(), created)));
		// The seat goes first, so the limit is never passed; if the domain is not written
		// after all, the seat is freed again.
		return this.limits.take(tenant.orgId(), Kind.DOMAINS, id)
			.then(this.writes.insert(domain))
			.onErrorResume((ex) -> !(ex instanceof ApiException),
					(ex) -> this.limits.free(tenant.orgId(), Kind.DOMAINS, id).then(Mono.error(ex)))
			.onErrorMap(DuplicateKeyException.class, (ex) -> alreadyRegistered(tenant, name, "domain_name"));
	}

	Mono<Domain> find(Tenant tenant, DomainName name) {
		return this.domains.require(tenant, name, "domain_name");
	}

	/**
	 * Changes a domain's name, status or email; announced only when something changes.
	 * Its assignments stay with it.
	 * @param tenant the tenant
	 * @param name its current name
	 * @param changes what to change
	 * @return the domain after the change; 404 when unknown, 409 when the new name is
	 * taken, 403 when activating it goes beyond the plan's domains
	 */
	Mono<Domain> update(Tenant tenant, DomainName name, DomainChanges changes) {
		Mono<Domain> step = Mono
			.defer(() -> this.domains.require(tenant, name, "domain_name").flatMap((domain) -> apply(domain, changes)));
		return ConcurrentChange.retrying(step, "domain_name")
			.onErrorMap(DuplicateKeyException.class, (ex) -> alreadyRegistered(tenant, changes.name(), "name"))
			.flatMap((domain) -> settle(domain.orgId(), domain.id()).thenReturn(domain));
	}

	private Mono<Domain> apply(Domain domain, DomainChanges changes) {
		String newName = (changes.name() != null) ? changes.name().value() : domain.name();
		String newEmail = (changes.email() != null) ? changes.email().value() : domain.email();
		boolean newActive = (changes.active() != null) ? changes.active() : domain.active();
		if (newName.equals(domain.name()) && newEmail.equals(domain.email()) && newActive == domain.active()) {
			return Mono.just(domain);
		}
		DomainUpdated updated = new DomainUpdated(domain.id(), newName, domain.name(), newEmail, domain.addon(),
				newActive);
		Update update = Update.update("name", newName).set("email", newEmail).set("active", newActive);
		Mono<Void> seat = (newActive && !domain.active()) ? this.limits.take(domain.orgId(), Kind.DOMAINS, domain.id())
				: Mono.empty();
		// A seat taken for a change that was not written is settled at once.
		return seat
			.then(this.writes.update(Domain.class, domain.id(), domain.version(), update,
					this.events.of(domain.id(), domain.orgId(), updated)))
			.onErrorResume((ex) -> settle(domain.orgId(), domain.id()).then(Mono.error(ex)));
	}

	/** An active domain holds a seat of the plan, an inactive one none. */
	private Mono<Void> settle(String orgId, String id) {
		return this.limits.settle(orgId, Kind.DOMAINS, id,
				this.repository.findById(id).filter((domain) -> domain.orgId().equals(orgId)).map(Domain::active));
	}

	private static ApiException alreadyRegistered(Tenant tenant, DomainName name, String field) {
		return ApiException.conflict(field,
				"domain '" + name + "' is already registered in addon '" + tenant.addon() + "'");
	}

}
