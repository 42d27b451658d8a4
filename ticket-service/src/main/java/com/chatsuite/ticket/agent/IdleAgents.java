package com.chatsuite.ticket.agent;

import java.time.Clock;
import java.time.Instant;

import com.chatsuite.ticket.TicketsProperties;
import com.chatsuite.ticket.schedule.Chore;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Takes agents offline that made no {@code /v1} call for the configured time, as a
 * console that dropped would be; their tickets go back to routing.
 */
@Component
class IdleAgents implements Chore {

	private final Agents agents;

	private final PresenceService presence;

	private final TicketsProperties properties;

	private final Clock clock;

	IdleAgents(Agents agents, PresenceService presence, TicketsProperties properties, Clock clock) {
		this.agents = agents;
		this.presence = presence;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<Void> run() {
		Instant since = this.clock.instant().minus(this.properties.idleOffline());
		return this.agents.idleSince(since).concatMap((agent) -> this.presence.offlineIfIdle(agent, since), 1).then();
	}

}
