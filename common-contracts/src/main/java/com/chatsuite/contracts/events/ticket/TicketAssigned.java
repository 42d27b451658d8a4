package com.chatsuite.contracts.events.ticket;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A ticket was assigned to an agent.
 *
 * @param ticketId the ticket id
 * @param roomId the ticket's room id
 * @param agentId the agent's operator id
 * @param agentName the agent's name as the visitor sees it
 * @param assignedAt when the ticket was assigned
 */
public record TicketAssigned(String ticketId, String roomId, String agentId, String agentName,
		Instant assignedAt) implements EventData {

	public TicketAssigned {
		Objects.requireNonNull(ticketId, "ticketId");
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(agentName, "agentName");
		Objects.requireNonNull(assignedAt, "assignedAt");
	}

}
