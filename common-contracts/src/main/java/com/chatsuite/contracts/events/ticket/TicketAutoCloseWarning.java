package com.chatsuite.contracts.events.ticket;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A ticket's room has been quiet long enough that it will be closed unless someone writes
 * before {@code closesAt}; chat-room-service posts {@code message} in the room.
 *
 * @param ticketId the ticket id
 * @param roomId the ticket's room id
 * @param message the warning to show in the room
 * @param closesAt when the ticket and its room will be closed
 * @param warnedAt when the warning was given
 */
public record TicketAutoCloseWarning(String ticketId, String roomId, String message, Instant closesAt,
		Instant warnedAt) implements EventData {

	public TicketAutoCloseWarning {
		Objects.requireNonNull(ticketId, "ticketId");
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(closesAt, "closesAt");
		Objects.requireNonNull(warnedAt, "warnedAt");
	}

}
