package com.chatsuite.ticket.routing;

import java.util.concurrent.atomic.AtomicReference;

import com.chatsuite.ticket.agent.Agent;
import com.chatsuite.ticket.agent.Agents;
import com.chatsuite.ticket.schedule.Chore;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Each housekeeping round looks at a few agents that are not offline and hold tickets,
 * and gives back the slots they hold for tickets they will not get (see
 * {@link Router#releaseAbandonedClaims}); the next round goes on after the last agent
 * seen, so every such agent is looked at in turn, at a cost per round that does not grow
 * with their number. Offline agents' slots are the offline sweep's.
 */
@Component
class ClaimSweep implements Chore {

	/** How many agents one round looks at. */
	static final int AGENTS_PER_ROUND = 20;

	private final Agents agents;

	private final Router router;

	private final AtomicReference<String> after = new AtomicReference<>("");

	ClaimSweep(Agents agents, Router router) {
		this.agents = agents;
		this.router = router;
	}

	@Override
	public Mono<Void> run() {
		return this.agents.onlineHoldingTickets(this.after.get(), AGENTS_PER_ROUND)
			.concatMap((agent) -> this.router.releaseAbandonedClaims(agent).thenReturn(agent), 1)
			.map(Agent::id)
			.collectList()
			// A page that is not full was the last: the next round starts again.
			.doOnNext((seen) -> this.after.set((seen.size() < AGENTS_PER_ROUND) ? "" : seen.get(seen.size() - 1)))
			.then();
	}

}
