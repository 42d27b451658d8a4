package com.chatsuite.ticket.routing;

import com.chatsuite.ticket.agent.Agent;
import com.chatsuite.ticket.agent.Agents;
import com.chatsuite.ticket.schedule.Chore;
import com.chatsuite.ticket.ticket.Tickets;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Catches up on routing that an event-driven step missed: a room and an agent arriving at
 * the same moment on two replicas, or a replica stopping half way. Serves every
 * organisation's queue and takes tickets back from agents that are offline.
 */
@Component
class QueueSweep implements Chore {

	private final Router router;

	private final Tickets tickets;

	private final Agents agents;

	QueueSweep(Router router, Tickets tickets, Agents agents) {
		this.router = router;
		this.tickets = tickets;
		this.agents = agents;
	}

	@Override
	public Mono<Void> run() {
		Mono<Void> giveBack = this.agents.offlineHoldingTickets()
			.map(Agent::id)
			.concatMap(this.router::giveBack, 1)
			.then();
		Mono<Void> queues = this.tickets.organisationsWaiting().concatMap(this.router::serveQueue, 1).then();
		return giveBack.then(queues);
	}

}
