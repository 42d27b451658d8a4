package com.chatsuite.ticket.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketReassigned;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.ticket.agent.Agent;
import com.chatsuite.ticket.agent.Agents;
import com.chatsuite.ticket.directory.KnownDomain;
import com.chatsuite.ticket.directory.KnownDomains;
import com.chatsuite.ticket.ticket.Ticket;
import com.chatsuite.ticket.ticket.TicketStatus;
import com.chatsuite.ticket.ticket.Tickets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Routes waiting tickets to agents (SPEC section 4): among the eligible online agents
 * below capacity, the least loaded, ties broken by who waited longest for a ticket.
 * <p>
 * Any number of replicas route at once: an agent takes a ticket only through a
 * conditional update of its own document (online, active, below capacity, not holding
 * it), and the ticket becomes {@code ASSIGNED} only through an update conditional on the
 * version read. When the ticket changed in between, the agent's slot is given back.
 */
@Service
public class Router {

	/** How many waiting tickets of one organisation are read at once. */
	static final int QUEUE_PAGE = 50;

	/**
	 * How many pages of one organisation's queue one pass reads at most; the next pass
	 * starts again from the head.
	 */
	static final int QUEUE_PAGES = 100;

	/**
	 * How long after an agent's last claim a slot it holds for a waiting ticket counts as
	 * abandoned (an assignment takes milliseconds to seconds).
	 */
	private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(1);

	private final Agents agents;

	private final Tickets tickets;

	private final KnownDomains domains;

	private final Settings settings;

	private final Clock clock;

	Router(Agents agents, Tickets tickets, KnownDomains domains, Settings settings, Clock clock) {
		this.agents = agents;
		this.tickets = tickets;
		this.domains = domains;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Gives a waiting ticket to an agent, or leaves it in its organisation's queue.
	 * @param ticket the ticket as read
	 * @return whether it was assigned by this call
	 */
	public Mono<Boolean> route(Ticket ticket) {
		if (!ticket.status().isWaiting()) {
			return Mono.just(false);
		}
		// The settings and the domains named like the room's product are independent
		// reads: one round trip's wait for both.
		return Mono.zip(this.settings.of(ticket.orgId()), namedDomains(ticket))
			.flatMap((found) -> candidates(ticket, found.getT1().capacity(), found.getT2())
				.concatMap((agent) -> offer(ticket, agent, found.getT1()), 1)
				.filter((outcome) -> outcome != Outcome.AGENT_FULL)
				.next()
				.map((outcome) -> outcome == Outcome.ASSIGNED)
				.defaultIfEmpty(false));
	}

	/**
	 * Serves an organisation's queue, first come first, while agents have room. Tickets
	 * nobody can take now (their domain's agents are offline or full) do not block the
	 * ones behind them: once a ticket of a product could not be given to anyone, the pass
	 * passes over the other tickets of that product without asking again.
	 * @param orgId the organisation
	 * @return completes when no more can be assigned now
	 */
	public Mono<Void> serveQueue(String orgId) {
		return anyoneFree(orgId)
			.flatMap((free) -> free ? serve(orgId, null, ConcurrentHashMap.newKeySet(), 0) : Mono.empty());
	}

	private Mono<Void> serve(String orgId, Ticket after, Set<String> unserved, int pages) {
		return this.tickets.waiting(orgId, after, QUEUE_PAGE).collectList().flatMap((page) -> {
			Mono<Boolean> goOn = Flux.fromIterable(page)
				.filter((ticket) -> !unserved.contains(product(ticket)))
				.concatMap((ticket) -> route(ticket).flatMap((assigned) -> {
					if (assigned) {
						return Mono.just(true);
					}
					unserved.add(product(ticket));
					return anyoneFree(orgId);
				}), 1)
				.all((more) -> more);
			boolean last = page.size() < QUEUE_PAGE || pages + 1 >= QUEUE_PAGES;
			return goOn.flatMap((more) -> (more && !last) ? serve(orgId, page.get(page.size() - 1), unserved, pages + 1)
					: Mono.empty());
		});
	}

	/** What decides who can take a ticket, besides its organisation. */
	private static String product(Ticket ticket) {
		return String.valueOf(ticket.productName()).toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether any agent of the organisation could take a ticket of no particular domain.
	 */
	private Mono<Boolean> anyoneFree(String orgId) {
		return this.settings.of(orgId)
			.flatMap((settings) -> this.agents.candidates(orgId, settings.capacity(), null, null).hasElements());
	}

	/**
	 * Gives every ticket an agent holds back to routing ({@code REASSIGNED}) and routes
	 * them again; for an agent that went offline.
	 * @param agentId the agent's key
	 * @return completes when done
	 */
	public Mono<Void> giveBack(String agentId) {
		return takeBack(agentId).concatMap(this::route, 1).then();
	}

	/**
	 * Takes every ticket an agent holds back ({@code REASSIGNED}, the agent's slot
	 * released) without routing them again: a reassigned ticket waits in its
	 * organisation's queue until {@link #route(Ticket)} or housekeeping serves it.
	 * @param agentId the agent's key
	 * @return the tickets taken back
	 */
	public Flux<Ticket> takeBack(String agentId) {
		return this.agents.find(agentId)
			.flatMapMany((agent) -> Flux.fromIterable(agent.tickets()).map((ticketId) -> Map.entry(agent, ticketId)))
			// A message in the room (which makes a new version of its ticket) may come in
			// between the read and the change: read again and retry; should it keep
			// happening, the offline sweep takes the ticket back later.
			.concatMap((held) -> ConcurrentChange
				.retrying(Mono.defer(() -> takeBack(held.getKey(), held.getValue())), "ticket")
				.onErrorResume(ApiException.class, (ex) -> Mono.empty()), 1);
	}

	private Mono<Ticket> takeBack(Agent agent, String ticketId) {
		Mono<Ticket> releaseOnly = this.agents.release(agent.id(), ticketId).then(Mono.empty());
		return this.tickets.find(ticketId).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap((found) -> {
			Ticket ticket = found.orElse(null);
			if (ticket == null) {
				return releaseOnly;
			}
			if (agent.id().equals(ticket.agentKey()) && ticket.status().isHeld()) {
				return reassign(agent, ticket);
			}
			// A waiting ticket may be half way through being assigned to this agent; that
			// assignment either completes (and a later pass gives it back) or gives the
			// slot back itself. Releasing the slot now would let it complete on an agent
			// that no longer holds it, out of every later pass's sight. A slot claimed
			// longer ago than any assignment takes was left by a replica that stopped.
			return (!ticket.status().isWaiting() || claimedLongAgo(agent)) ? releaseOnly : Mono.empty();
		});
	}

	/**
	 * Gives back the slots an agent that is not offline holds for tickets it will not
	 * get: tickets closed or held by another agent, and tickets still waiting long after
	 * the agent's last claim (a replica stopped between the claim and the assignment).
	 * @param agent the agent as read
	 * @return completes when done
	 */
	public Mono<Void> releaseAbandonedClaims(Agent agent) {
		if (agent.tickets().isEmpty()) {
			return Mono.empty();
		}
		return this.tickets.findAll(agent.tickets())
			.collectMap(Ticket::id)
			.flatMapMany((found) -> Flux.fromIterable(agent.tickets())
				.filter((ticketId) -> abandoned(agent, found.get(ticketId))))
			.concatMap((ticketId) -> this.agents.release(agent.id(), ticketId), 1)
			.then();
	}

	private boolean abandoned(Agent agent, Ticket ticket) {
		if (ticket != null && agent.id().equals(ticket.agentKey()) && ticket.status().isHeld()) {
			return false;
		}
		if (ticket == null || ticket.status().isWaiting()) {
			// Maybe half way through being assigned to this agent.
			return claimedLongAgo(agent);
		}
		return true;
	}

	private boolean claimedLongAgo(Agent agent) {
		return agent.lastAssignedAt() == null
				|| agent.lastAssignedAt().isBefore(this.clock.instant().minus(ABANDONED_CLAIM));
	}

	private Mono<Ticket> reassign(Agent agent, Ticket ticket) {
		Instant now = this.clock.instant();
		Update update = new Update().unset("agentKey")
			.unset("agentId")
			.unset("agentName")
			.unset("assignedAt")
			.unset("pickedAt")
			.unset("autoCloseWarningAt")
			.unset("autoCloseAt")
			.set("warned", false);
		TicketReassigned event = new TicketReassigned(ticket.id(), ticket.roomId(), agent.operatorId(),
				"agent went offline", now);
		return this.tickets.change(ticket, TicketStatus.REASSIGNED, update, event)
			.flatMap((reassigned) -> this.agents.release(agent.id(), ticket.id()).thenReturn(reassigned));
	}

	private Mono<List<KnownDomain>> namedDomains(Ticket ticket) {
		return this.domains.named(ticket.orgId(), ticket.productName()).collectList();
	}

	private Flux<Agent> candidates(Ticket ticket, int capacity, List<KnownDomain> named) {
		return named.isEmpty() ? this.agents.candidates(ticket.orgId(), capacity, null, null)
				: domainCandidates(ticket.orgId(), capacity, named);
	}

	private Flux<Agent> domainCandidates(String orgId, int capacity, List<KnownDomain> named) {
		Map<String, List<String>> idsByAddon = named.stream()
			.collect(Collectors.groupingBy(KnownDomain::addon,
					Collectors.mapping(KnownDomain::id, Collectors.toList())));
		return Flux.fromIterable(idsByAddon.entrySet())
			.concatMap((addon) -> this.agents.candidates(orgId, capacity, addon.getKey(), addon.getValue()));
	}

	private Mono<Outcome> offer(Ticket ticket, Agent agent, RoutingSettings settings) {
		return this.agents.claim(agent.id(), ticket.id(), settings.capacity())
			.flatMap((claimed) -> assign(ticket, claimed, settings).thenReturn(Outcome.ASSIGNED)
				.onErrorResume(ConcurrentChange.class, (ex) -> afterLostAssignment(ticket, claimed)))
			.defaultIfEmpty(Outcome.AGENT_FULL);
	}

	/**
	 * After an assignment's write failed as a lost race: the slot goes back unless the
	 * write did land (a write whose outcome was unknown, retried, finds the ticket
	 * changed; it is this agent's all the same).
	 */
	private Mono<Outcome> afterLostAssignment(Ticket ticket, Agent claimed) {
		return this.tickets.find(ticket.id())
			.filter((now) -> claimed.id().equals(now.agentKey()) && now.status().isHeld())
			.map((now) -> Outcome.ASSIGNED)
			.switchIfEmpty(
					Mono.defer(() -> this.agents.release(claimed.id(), ticket.id()).thenReturn(Outcome.TICKET_TAKEN)));
	}

	private Mono<Ticket> assign(Ticket ticket, Agent agent, RoutingSettings settings) {
		Instant now = this.clock.instant();
		Update update = Update.update("agentKey", agent.id())
			.set("agentId", agent.operatorId())
			.set("agentName", agent.name())
			.set("assignedAt", now)
			.set("autoCloseWarningAt", now.plus(settings.autoCloseWarning()))
			.set("autoCloseAt", now.plus(settings.autoClose()))
			.set("warned", false);
		TicketAssigned event = new TicketAssigned(ticket.id(), ticket.roomId(), agent.operatorId(), agent.name(), now);
		return this.tickets.change(ticket, TicketStatus.ASSIGNED, update, event);
	}

	private enum Outcome {

		ASSIGNED, AGENT_FULL, TICKET_TAKEN

	}

}
