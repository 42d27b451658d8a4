package com.chatsuite.ticket.agent;

import java.time.Clock;
import java.time.Instant;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.contracts.events.ticket.AgentStatusChanged;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.ticket.routing.Router;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Changes agents' presence and announces it (agent-status-changed). An agent coming
 * online is served from its organisation's queue right after the answer; an agent going
 * offline gives its tickets back before it, and they are routed again after it.
 */
@Service
public class PresenceService {

	private static final Log logger = LogFactory.getLog(PresenceService.class);

	private final Agents agents;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Router router;

	private final Clock clock;

	PresenceService(Agents agents, OutboxWrites writes, OutboxEvents events, Router router, Clock clock) {
		this.agents = agents;
		this.writes = writes;
		this.events = events;
		this.router = router;
		this.clock = clock;
	}

	/**
	 * Changes an agent's presence; nothing happens when it has that presence already.
	 * @param agentId the agent's key
	 * @param status the new presence
	 * @return the agent after the change; 404 when unknown
	 */
	public Mono<Agent> change(String agentId, AgentStatus status) {
		Mono<Agent> step = Mono.defer(() -> this.agents.find(agentId)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("agent", "agent " + agentId + " is not known")))
			.flatMap((agent) -> apply(agent, status)));
		return ConcurrentChange.retrying(step, "status").flatMap(this::followUp);
	}

	/**
	 * Takes an agent offline if it made no call since a time, as a dropped console would.
	 * @param agent the agent as read
	 * @param since the time
	 * @return completes when done; another replica doing it first changes nothing
	 */
	Mono<Void> offlineIfIdle(Agent agent, Instant since) {
		if (agent.status() == AgentStatus.OFFLINE
				|| (agent.lastSeenAt() != null && !agent.lastSeenAt().isBefore(since))) {
			return Mono.empty();
		}
		return apply(agent, AgentStatus.OFFLINE).flatMap(this::followUp)
			.onErrorResume(ConcurrentChange.class, (ex) -> Mono.empty())
			.then();
	}

	private Mono<Agent> apply(Agent agent, AgentStatus status) {
		if (agent.status() == status) {
			return Mono.just(agent);
		}
		Instant now = this.clock.instant();
		Update update = Update.update("status", status).set("statusChangedAt", now);
		if (status == AgentStatus.ONLINE) {
			update.set("lastLoginAt", now).set("lastSeenAt", now);
		}
		AgentStatusChanged changed = new AgentStatusChanged(agent.operatorId(), agent.email(), agent.addon(), status,
				now);
		return this.writes.update(Agent.class, agent.id(), agent.version(), update,
				this.events.of(agent.operatorId(), agent.orgId(), changed));
	}

	/**
	 * Routing after a change: an agent going offline has its tickets taken back before
	 * the answer (so that it holds none once told it is offline); routing them again, and
	 * serving the queue for an agent coming online, go on after it: with a long queue
	 * that is many assignments, one at a time. Housekeeping repeats both, so a failure
	 * delays routing but loses nothing.
	 */
	private Mono<Agent> followUp(Agent agent) {
		return switch (agent.status()) {
			case OFFLINE -> this.router.takeBack(agent.id())
				.collectList()
				.doOnNext((taken) -> inBackground(agent, Flux.fromIterable(taken).concatMap(this.router::route, 1)))
				.onErrorResume((ex) -> {
					logger.warn("Taking back the tickets of " + agent.id() + " failed; housekeeping retries: " + ex);
					return Mono.empty();
				})
				.thenReturn(agent);
			case ONLINE -> {
				inBackground(agent, this.router.serveQueue(agent.orgId()));
				yield Mono.just(agent);
			}
			default -> Mono.just(agent);
		};
	}

	private static void inBackground(Agent agent, Publisher<?> routing) {
		Flux.from(routing)
			.subscribe(null, (ex) -> logger
				.warn("Routing after the presence change of " + agent.id() + " failed; housekeeping retries: " + ex));
	}

}
