package com.chatsuite.chatroom.ticket;

import java.util.Locale;

import com.chatsuite.chatroom.message.Author;
import com.chatsuite.chatroom.message.Messages;
import com.chatsuite.chatroom.room.Room;
import com.chatsuite.chatroom.room.Rooms;
import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketAutoCloseWarning;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What ticket-service decides about a room, once per event: an assigned agent joins it
 * (recorded on the room, announced to the visitor), a quiet room gets its auto-close
 * warning, a closed ticket closes its room. The system messages carry the event id, so a
 * redelivered event posts nothing twice.
 */
@Component
class TicketEventsListener {

	static final String CONSUMER = "tickets";

	private static final String SYSTEM = "system";

	private final EventInbox inbox;

	private final Rooms rooms;

	private final Messages messages;

	TicketEventsListener(EventInbox inbox, Rooms rooms, Messages messages) {
		this.inbox = inbox;
		this.rooms = rooms;
		this.messages = messages;
	}

	@KafkaListener(topics = Topics.TICKETS, groupId = "${spring.application.name}-tickets")
	void onTicketEvent(ConsumerRecord<String, byte[]> record) {
		// Only these three change a room; the other ticket events skip the inbox.
		this.inbox.handle(
				CONSUMER, record, (event) -> !(event.data() instanceof TicketAssigned
						|| event.data() instanceof TicketAutoCloseWarning || event.data() instanceof TicketClosed),
				this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof TicketAssigned assigned) {
			return room(event, assigned.roomId())
				.flatMap((room) -> this.rooms.assign(room.id(), assigned.agentId(), assigned.agentName()))
				.flatMap((room) -> systemMessage(room, assigned.agentName() + " joined the chat", event.id()));
		}
		if (event.data() instanceof TicketAutoCloseWarning warning) {
			return room(event, warning.roomId()).flatMap((room) -> systemMessage(room, warning.message(), event.id()));
		}
		if (event.data() instanceof TicketClosed closed) {
			return room(event, closed.roomId()).flatMap((room) -> this.messages.close(room, "ticket-service",
					"ticket " + closed.ticketId() + " " + closed.status().toLowerCase(Locale.ROOT)))
				.then();
		}
		return Mono.empty();
	}

	/** The room an event names, if it is the event's organisation's. */
	private Mono<Room> room(CloudEvent<?> event, String roomId) {
		return this.rooms.find(roomId).filter((room) -> room.orgId().equals(event.orgid()));
	}

	private Mono<Void> systemMessage(Room room, String text, String origin) {
		if (!room.active()) {
			return Mono.empty();
		}
		// A room that closed after it was read takes no more messages.
		return this.messages.post(room, Author.SYSTEM, SYSTEM, text, origin)
			.then()
			.onErrorResume(Rooms.ClosedException.class, (ex) -> Mono.empty());
	}

}
