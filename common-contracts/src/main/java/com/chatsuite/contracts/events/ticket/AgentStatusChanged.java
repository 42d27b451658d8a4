package com.chatsuite.contracts.events.ticket;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An agent's presence changed.
 *
 * @param agentId the agent's operator id
 * @param email the agent's email
 * @param addon the addon unique name
 * @param status the new presence
 * @param changedAt when it changed
 */
public record AgentStatusChanged(String agentId, String email, String addon, AgentStatus status,
		Instant changedAt) implements EventData {

	public AgentStatusChanged {
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(addon, "addon");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(changedAt, "changedAt");
	}

}
