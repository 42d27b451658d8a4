package com.chatsuite.contracts.events.ticket;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A ticket was taken from its agent and given back to routing.
 *
 * @param ticketId the ticket id
 * @param roomId the ticket's room id
 * @param previousAgentId the operator id of the agent who held it
 * @param reason why, for example the agent went offline
 * @param reassignedAt when it was given back
 */
public record TicketReassigned(String ticketId, String roomId, String previousAgentId, String reason,
		Instant reassignedAt) implements EventData {

	public TicketReassigned {
		Objects.requireNonNull(ticketId, "ticketId");
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(previousAgentId, "previousAgentId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(reassignedAt, "reassignedAt");
	}

}
