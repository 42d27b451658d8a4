package com.chatsuite.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.chatsuite.contracts.events.ticket.TicketAutoCloseWarning;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.ticket.schedule.Chore;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Auto-close (SPEC section 4): warns the room of an assigned ticket that has been quiet
 * until its warning time, and closes the ticket at its close time. Each is claimed with a
 * write conditional on the ticket's version, so a warning is given and a ticket closed
 * once across replicas.
 */
@Component
class AutoClose implements Chore {

	private final Tickets tickets;

	private final TicketService service;

	private final Clock clock;

	AutoClose(Tickets tickets, TicketService service, Clock clock) {
		this.tickets = tickets;
		this.service = service;
		this.clock = clock;
	}

	@Override
	public Mono<Void> run() {
		Instant now = this.clock.instant();
		Mono<Void> warnings = this.tickets.warningDue(now).concatMap((ticket) -> warn(ticket, now), 1).then();
		Mono<Void> closes = this.tickets.closeDue(now)
			.concatMap((ticket) -> this.service.close(ticket, "auto-close")
				.onErrorResume(ConcurrentChange.class, (ex) -> Mono.empty()), 1)
			.then();
		return warnings.then(closes);
	}

	private Mono<Ticket> warn(Ticket ticket, Instant now) {
		if (ticket.autoCloseAt() == null || !ticket.autoCloseAt().isAfter(now)) {
			return Mono.empty();
		}
		TicketAutoCloseWarning warning = new TicketAutoCloseWarning(ticket.id(), ticket.roomId(),
				message(Duration.between(now, ticket.autoCloseAt())), ticket.autoCloseAt(), now);
		return this.tickets.note(ticket, Update.update("warned", true), warning)
			.onErrorResume(ConcurrentChange.class, (ex) -> Mono.empty());
	}

	static String message(Duration left) {
		long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
		return "This chat will be closed in " + minutes + ((minutes == 1) ? " minute" : " minutes")
				+ " unless a new message is written.";
	}

}
