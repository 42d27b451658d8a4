package com.chatsuite.contracts.events.ticket;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A ticket was created for a new room.
 *
 * @param ticketId the ticket id
 * @param roomId the room the ticket follows
 * @param customerId the room's user id
 * @param createdAt when the ticket was created
 */
public record TicketCreated(String ticketId, String roomId, String customerId, Instant createdAt) implements EventData {

	public TicketCreated {
		Objects.requireNonNull(ticketId, "ticketId");
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
