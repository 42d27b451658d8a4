package com.chatsuite.contracts.events.ticket;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A ticket was closed.
 *
 * @param ticketId the ticket id
 * @param roomId the ticket's room id
 * @param status the ticket's final status, for example {@code CLOSED} or
 * {@code CHAT_CLOSED}
 * @param closedAt when it was closed
 */
public record TicketClosed(String ticketId, String roomId, String status, Instant closedAt) implements EventData {

	public TicketClosed {
		Objects.requireNonNull(ticketId, "ticketId");
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(closedAt, "closedAt");
	}

}
