package com.chatsuite.directory.plan;

import java.util.Collection;

import reactor.core.publisher.Flux;

/**
 * Tells which of some ids are stored operators or domains of an organisation that hold a
 * seat (an operator active in some addon, an active domain). Implemented by the feature
 * that owns them, so seats left behind by a write that never happened can be found.
 */
public interface SeatHolders {

	/**
	 * What these seats are for.
	 * @return the kind
	 */
	PlanLimits.Kind kind();

	/**
	 * The ids among some that are stored in the organisation and hold a seat.
	 * @param orgId the organisation
	 * @param ids the ids, read by id in one query
	 * @return those that hold a seat
	 */
	Flux<String> holding(String orgId, Collection<String> ids);

}
