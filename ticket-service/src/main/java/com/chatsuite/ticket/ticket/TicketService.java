package com.chatsuite.ticket.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.contracts.events.chat.SenderType;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import com.chatsuite.contracts.events.ticket.TicketCreated;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.ticket.agent.Agents;
import com.chatsuite.ticket.routing.Router;
import com.chatsuite.ticket.routing.Settings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A ticket's life outside routing: made for a room, told of its messages, closed by its
 * agent, by auto-close or with its room.
 */
@Service
class TicketService {

	private static final Log logger = LogFactory.getLog(TicketService.class);

	private final Tickets tickets;

	private final Agents agents;

	private final Router router;

	private final Settings settings;

	private final Clock clock;

	TicketService(Tickets tickets, Agents agents, Router router, Settings settings, Clock clock) {
		this.tickets = tickets;
		this.agents = agents;
		this.router = router;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Makes the ticket of a new room and routes it; a replayed room-created finds the
	 * ticket made the first time and routes it if it still waits.
	 * @param orgId the organisation
	 * @param room the room
	 * @return completes when the ticket is stored and routed or queued
	 */
	Mono<Void> open(String orgId, RoomCreated room) {
		Instant now = this.clock.instant();
		String id = UUID.randomUUID().toString();
		Ticket ticket = new Ticket(id, orgId, room.roomId(), TicketStatus.CREATED, room.productName(),
				new Ticket.Customer(room.userId(), room.userName()), room.language(), null, 0, null, null, null, now,
				room.createdAt(), null, null, null, null, false, null, false, 0L, null);
		return this.tickets.insert(ticket, new TicketCreated(id, room.roomId(), room.userId(), now))
			.onErrorResume(DuplicateKeyException.class, (ex) -> this.tickets.findByRoom(room.roomId()))
			.flatMap(this.router::route)
			.then();
	}

	/**
	 * Records a room's message as its ticket's last, and pushes the auto-close times of
	 * an assigned ticket back. System messages (the auto-close warning itself, "joined")
	 * push nothing back.
	 * @param message the message
	 * @return completes when done
	 */
	Mono<Void> messagePosted(MessagePosted message) {
		Ticket.LastMessage last = new Ticket.LastMessage(message.messageId(), message.text(),
				message.senderType().name(), message.senderId(), message.postedAt());
		return this.tickets.recordMessage(message.roomId(), message.sequence(), last)
			.filter((ticket) -> ticket.status() == TicketStatus.ASSIGNED && message.senderType() != SenderType.SYSTEM)
			.flatMap((ticket) -> this.settings.of(ticket.orgId())
				.flatMap((settings) -> this.tickets.postpone(ticket,
						later(message.postedAt(), settings.autoCloseWarning()),
						later(message.postedAt(), settings.autoClose()))));
	}

	private Instant later(Instant postedAt, Duration quiet) {
		// A message stamped in the past (a slow consumer) still gives the full quiet
		// time.
		Instant from = postedAt.isAfter(this.clock.instant()) ? postedAt : this.clock.instant();
		return from.plus(quiet);
	}

	/**
	 * Closes a ticket because its room was closed: {@code CHAT_CLOSED}, room closed.
	 * @param roomId the room
	 * @return completes when done; nothing happens for an unknown room
	 */
	Mono<Void> roomClosed(String roomId) {
		return ConcurrentChange.retrying(Mono.defer(() -> this.tickets.findByRoom(roomId)
			.flatMap((ticket) -> close(ticket, TicketStatus.CHAT_CLOSED, "room closed"))), "roomId").then();
	}

	/**
	 * Closes a ticket ({@code CLOSED}); chat-room-service closes its room on the event.
	 * @param ticket the ticket as read
	 * @param reason why, for the log
	 * @return the ticket after the change; {@code ConcurrentChange} when it changed in
	 * the meantime
	 */
	Mono<Ticket> close(Ticket ticket, String reason) {
		return close(ticket, TicketStatus.CLOSED, reason);
	}

	private Mono<Ticket> close(Ticket ticket, TicketStatus status, String reason) {
		// Closed already: its agent's slot is released again, in case the close that
		// came first failed before releasing it (a release of a slot not held changes
		// nothing).
		if (ticket.status() == status || ticket.status() == TicketStatus.CHAT_CLOSED) {
			return freeAgent(ticket).thenReturn(ticket);
		}
		if (ticket.status() == TicketStatus.CLOSED) {
			return this.tickets.markChatClosed(ticket)
				.switchIfEmpty(Mono.error(ConcurrentChange::new))
				.flatMap((closed) -> freeAgent(closed).thenReturn(closed));
		}
		Instant now = this.clock.instant();
		Update update = Update.update("closedAt", now)
			.set("chatRoomClosed", status == TicketStatus.CHAT_CLOSED)
			.unset("autoCloseWarningAt")
			.unset("autoCloseAt");
		TicketClosed event = new TicketClosed(ticket.id(), ticket.roomId(), status.name(), now);
		return this.tickets.change(ticket, status, update, event)
			.doOnNext((closed) -> logger.debug("Ticket " + ticket.id() + " " + status + ": " + reason))
			.flatMap((closed) -> freeAgent(closed).thenReturn(closed));
	}

	private Mono<Void> freeAgent(Ticket closed) {
		if (closed.agentKey() == null) {
			return Mono.empty();
		}
		return this.agents.release(closed.agentKey(), closed.id())
			.flatMap((released) -> released ? this.router.serveQueue(closed.orgId()) : Mono.empty());
	}

}
