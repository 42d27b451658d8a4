package com.chatsuite.ticket.ticket;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows chat-room-service's rooms, once per event: a new room gets its ticket, a
 * message becomes the ticket's last, a closed room closes the ticket.
 */
@Component
class RoomListener {

	static final String CONSUMER = "rooms";

	private final EventInbox inbox;

	private final TicketService tickets;

	RoomListener(EventInbox inbox, TicketService tickets) {
		this.inbox = inbox;
		this.tickets = tickets;
	}

	@KafkaListener(topics = Topics.CHAT_ROOMS, groupId = "${spring.application.name}-rooms",
			concurrency = "${suite.tickets.room-consumers:3}")
	void onRoomEvent(ConsumerRecord<String, byte[]> record) {
		// Both change nothing when they come again, so they need no inbox round trips:
		// a room has one ticket (unique by room; opening it again routes that ticket,
		// which does nothing unless it still waits), and a message is recorded only over
		// an earlier one (by its number in the room).
		this.inbox.handle(CONSUMER, record,
				(event) -> event.data() instanceof RoomCreated || event.data() instanceof MessagePosted, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		Object data = event.data();
		if (data instanceof RoomCreated created) {
			return this.tickets.open(event.orgid(), created);
		}
		if (data instanceof MessagePosted posted) {
			return this.tickets.messagePosted(posted);
		}
		if (data instanceof RoomClosed closed) {
			return this.tickets.roomClosed(closed.roomId());
		}
		return Mono.empty();
	}

}
