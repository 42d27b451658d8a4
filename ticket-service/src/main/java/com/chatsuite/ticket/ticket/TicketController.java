package com.chatsuite.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.ticket.agent.Agent;
import com.chatsuite.ticket.agent.CurrentAgent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The agent ticket API's tickets: the agent's open (and recently closed) tickets, closing
 * a room it holds, and marking a ticket picked. A ticket of another organisation is not
 * found; one of another agent of the same organisation is forbidden.
 */
@RestController
class TicketController {

	/** How far back {@code ?closed=true} shows closed tickets. */
	static final Duration CLOSED_WINDOW = Duration.ofDays(7);

	private final CurrentAgent current;

	private final Tickets tickets;

	private final TicketService service;

	private final Clock clock;

	TicketController(CurrentAgent current, Tickets tickets, TicketService service, Clock clock) {
		this.current = current;
		this.tickets = tickets;
		this.service = service;
		this.clock = clock;
	}

	@GetMapping("/v1/tickets")
	Flux<TicketView> tickets(ServerWebExchange exchange, @RequestParam(defaultValue = "false") boolean closed) {
		return this.current.of(exchange).flatMapMany((agent) -> {
			Instant now = this.clock.instant();
			Flux<Ticket> open = this.tickets.heldBy(agent.id());
			Flux<Ticket> shown = closed ? open.concatWith(this.tickets.closedBy(agent.id(), now.minus(CLOSED_WINDOW)))
					: open;
			return shown.map((ticket) -> TicketView.of(ticket, now));
		});
	}

	@DeleteMapping("/v1/rooms/{roomID}")
	Mono<Void> closeRoom(ServerWebExchange exchange, @PathVariable("roomID") String roomId) {
		return this.current.of(exchange)
			.flatMap((agent) -> ConcurrentChange.retrying(Mono.defer(() -> this.tickets.findByRoom(roomId)
				.filter((ticket) -> reaches(agent, ticket))
				.switchIfEmpty(Mono.error(() -> notFound("room " + roomId)))
				.map((ticket) -> heldBy(ticket, agent))
				.flatMap((ticket) -> this.service.close(ticket, "closed by its agent"))), "roomID"))
			.then();
	}

	@PutMapping("/v1/tickets/{ticketID}/pickedTime")
	Mono<Void> picked(ServerWebExchange exchange, @PathVariable("ticketID") String ticketId,
			@RequestHeader(name = "X-Agent-ID", required = false) String agentHeader) {
		return this.current.of(exchange).flatMap((agent) -> {
			if (agentHeader == null || agentHeader.isBlank()) {
				return Mono.error(ApiException.badRequest("X-Agent-ID", "X-Agent-ID is required"));
			}
			if (!agentHeader.equals(agent.operatorId()) && !agentHeader.equalsIgnoreCase(agent.email())) {
				return Mono.error(forbidden("X-Agent-ID does not name the calling agent"));
			}
			return this.tickets.find(ticketId)
				.filter((ticket) -> reaches(agent, ticket))
				.switchIfEmpty(Mono.error(() -> notFound("ticket " + ticketId)))
				.map((ticket) -> heldBy(ticket, agent))
				.flatMap((ticket) -> this.tickets.pick(ticket.id(), agent.id(), this.clock.instant()));
		});
	}

	/**
	 * Whether an agent may learn of a ticket: one of its organisation, not held in
	 * another addon (another addon's tickets are another tenant's: 404, not 403).
	 */
	private static boolean reaches(Agent agent, Ticket ticket) {
		return ticket.orgId().equals(agent.orgId()) && (ticket.agentKey() == null
				|| ticket.agentKey().startsWith(Agent.key(agent.orgId(), agent.addon(), "")));
	}

	private static Ticket heldBy(Ticket ticket, Agent agent) {
		if (!agent.id().equals(ticket.agentKey())) {
			throw forbidden("the ticket is held by another agent");
		}
		return ticket;
	}

	private static ApiException notFound(String what) {
		return ApiException.notFound(null, what + " is not found");
	}

	private static ApiException forbidden(String reason) {
		return new ApiException(HttpStatus.FORBIDDEN, reason, null);
	}

}
