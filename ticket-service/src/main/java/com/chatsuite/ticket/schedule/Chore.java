package com.chatsuite.ticket.schedule;

import reactor.core.publisher.Mono;

/**
 * Work that housekeeping does on every replica at each interval. A chore finds what is
 * due from stored timestamps and claims each piece with a conditional update, so it runs
 * once across replicas and survives restarts.
 */
public interface Chore {

	/**
	 * Does what is due now.
	 * @return completes when done
	 */
	Mono<Void> run();

}
