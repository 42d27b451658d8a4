package com.chatsuite.directory.operator;

import java.util.Collection;

import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.plan.PlanLimits.Kind;
import com.chatsuite.directory.plan.SeatHolders;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Finds operators for the other features, always within a tenant, and tells the plan's
 * limits which operators hold a seat.
 */
@Component
public class Operators implements SeatHolders {

	private final OperatorRepository operators;

	Operators(OperatorRepository operators) {
		this.operators = operators;
	}

	/**
	 * An operator of the tenant's organisation and addon.
	 * @param tenant the tenant
	 * @param id the operator id
	 * @param field the request field that named it, for the 404
	 * @return the operator; 404 when it does not exist for this tenant
	 */
	public Mono<Operator> require(Tenant tenant, String id, String field) {
		return this.operators.findById(id)
			.filter((operator) -> operator.belongsTo(tenant))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(field,
					"operator '" + id + "' does not exist in addon '" + tenant.addon() + "'")));
	}

	/**
	 * The tenant's operators among some ids, in one indexed query.
	 * @param tenant the tenant
	 * @param ids operator ids
	 * @return those that exist for the tenant
	 */
	public Flux<Operator> findAll(Tenant tenant, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return this.operators.findAllById(ids).filter((operator) -> operator.belongsTo(tenant));
	}

	@Override
	public Kind kind() {
		return Kind.OPERATORS;
	}

	@Override
	public Flux<String> holding(String orgId, Collection<String> ids) {
		return this.operators.findAllById(ids)
			.filter((operator) -> operator.orgId().equals(orgId) && operator.isActiveAnywhere())
			.map(Operator::id);
	}

}
