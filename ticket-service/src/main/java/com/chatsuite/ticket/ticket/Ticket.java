package com.chatsuite.ticket.ticket;

import java.time.Instant;
import java.util.List;

import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The ticket of one room: who holds it, where it is in its lifecycle, and when it closes
 * by itself. Every status change is a write conditional on the version read, carrying its
 * event, so a ticket is never assigned twice.
 *
 * @param id the ticket id
 * @param orgId the organisation (the agent ticket API's {@code entityId})
 * @param roomId the room, one ticket per room
 * @param status where it is in its lifecycle
 * @param productName the channel the room came from
 * @param customer the visitor
 * @param language the visitor's language, or {@code null}
 * @param lastMessage the last message of the room, or {@code null}
 * @param lastSequence the sequence of the last message recorded
 * @param agentKey the key of the agent holding it, or {@code null}
 * @param agentId the operator id of the agent holding it (kept once closed), or
 * {@code null}
 * @param agentName the name of that agent, or {@code null}
 * @param createdAt when it was created
 * @param queuedAt its place in its organisation's queue while it waits
 * @param assignedAt when it was last assigned, or {@code null}
 * @param pickedAt when its agent picked it, or {@code null}
 * @param autoCloseWarningAt when the room is warned of auto-close, or {@code null}
 * @param autoCloseAt when it closes by itself, or {@code null}
 * @param warned whether the warning for the current quiet spell was given
 * @param closedAt when it was closed, or {@code null}
 * @param chatRoomClosed whether its room is closed
 * @param version moves on with every status change
 * @param outbox events of its changes not yet sent
 */
@Document("tickets")
@CompoundIndexes({ @CompoundIndex(name = "held", def = "{'agentKey': 1, 'status': 1}"),
		@CompoundIndex(name = "queue", def = "{'orgId': 1, 'status': 1, 'queuedAt': 1}"),
		@CompoundIndex(name = "closed_by_agent", def = "{'agentKey': 1, 'closedAt': -1}"),
		@CompoundIndex(name = "auto_close", def = "{'status': 1, 'autoCloseAt': 1}") })
public record Ticket(@Id String id, String orgId, @Indexed(unique = true) String roomId, TicketStatus status,
		String productName, Customer customer, String language, LastMessage lastMessage, long lastSequence,
		String agentKey, String agentId, String agentName, Instant createdAt, Instant queuedAt, Instant assignedAt,
		Instant pickedAt, Instant autoCloseWarningAt, Instant autoCloseAt, boolean warned, Instant closedAt,
		boolean chatRoomClosed, Long version, List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	public Ticket {
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
		version = (version != null) ? version : 0L;
	}

	/**
	 * The visitor a ticket was made for.
	 *
	 * @param id the room's user id
	 * @param name the visitor's name, or {@code null}
	 */
	public record Customer(String id, String name) {

	}

	/**
	 * The last message of a room.
	 *
	 * @param id the message id
	 * @param text its text
	 * @param senderType who posted it ({@code VISITOR}, {@code AGENT}, ...)
	 * @param senderId the poster's id
	 * @param postedAt when it was posted
	 */
	public record LastMessage(String id, String text, String senderType, String senderId, Instant postedAt) {

	}

}
