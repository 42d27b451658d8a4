package com.chatsuite.directory.domain;

import java.util.Collection;
import java.util.List;

import com.chatsuite.contracts.events.EventData;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.plan.PlanLimits.Kind;
import com.chatsuite.directory.plan.SeatHolders;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Finds domains for the other features, always within a tenant, stores changes of their
 * assignments, and tells the plan's limits which domains hold a seat.
 */
@Component
public class Domains implements SeatHolders {

	private final DomainRepository domains;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	Domains(DomainRepository domains, OutboxWrites writes, OutboxEvents events) {
		this.domains = domains;
		this.writes = writes;
		this.events = events;
	}

	/**
	 * Reads a domain name given in a request.
	 * @param raw the name given
	 * @param field the request field, named in the 400
	 * @return the normalised name; 400 when it is not a bare domain name
	 */
	public static DomainName name(String raw, String field) {
		try {
			return DomainName.parse(raw);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(field, field + " " + ex.getMessage());
		}
	}

	/**
	 * A domain of the tenant, in one indexed read.
	 * @param tenant the tenant
	 * @param name the name
	 * @return the domain, empty when the tenant has none of that name
	 */
	public Mono<Domain> find(Tenant tenant, DomainName name) {
		return this.domains.findByOrgIdAndAddonAndName(tenant.orgId(), tenant.addon(), name.value());
	}

	/**
	 * A domain of the tenant that must exist.
	 * @param tenant the tenant
	 * @param name the name
	 * @param field the request field that named it, for the 404
	 * @return the domain; 404 when the tenant has none of that name
	 */
	public Mono<Domain> require(Tenant tenant, DomainName name, String field) {
		return find(tenant, name).switchIfEmpty(Mono.error(() -> ApiException.notFound(field,
				"domain '" + name + "' is not registered in addon '" + tenant.addon() + "'")));
	}

	@Override
	public Kind kind() {
		return Kind.DOMAINS;
	}

	@Override
	public Flux<String> holding(String orgId, Collection<String> ids) {
		return this.domains.findAllById(ids)
			.filter((domain) -> domain.orgId().equals(orgId) && domain.active())
			.map(Domain::id);
	}

	/**
	 * Replaces a domain's assignments if it is unchanged since it was read, with the
	 * event describing the change.
	 * @param domain the domain as read
	 * @param assignments the new assignments
	 * @param event the event
	 * @return the domain after the change, or {@code ConcurrentChange}
	 */
	public Mono<Domain> changeAssignments(Domain domain, List<Assignment> assignments, EventData event) {
		return this.writes.update(Domain.class, domain.id(), domain.version(), Update.update("operators", assignments),
				this.events.of(domain.id(), domain.orgId(), event));
	}

}
