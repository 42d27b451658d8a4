package com.chatsuite.ticket.agent;

import java.time.Instant;
import java.util.List;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An operator of one organisation's addon as routing sees it: its presence, the domains
 * it takes chats of, and the tickets it holds. {@code tickets} and {@code load} change
 * together in one conditional update, so an agent never holds more than its capacity and
 * never the same ticket twice.
 *
 * @param id {@link #key} of organisation, addon and operator
 * @param orgId the organisation
 * @param addon the addon
 * @param operatorId the operator id, the agent id of the agent ticket API
 * @param email the operator's email
 * @param name the operator's display name
 * @param active whether the operator is active for the addon
 * @param status its presence
 * @param statusChangedAt when its presence last changed
 * @param lastLoginAt when it last went online, {@code null} if never
 * @param lastSeenAt when it last made a {@code /v1} call
 * @param domainIds the domains it is assigned to with {@code status} true
 * @param tickets the tickets it holds
 * @param load the number of tickets it holds
 * @param lastAssignedAt when it last received a ticket, for round robin among equals
 * @param version moves on with every change announced by an event
 * @param outbox events of its changes not yet sent
 */
@Document("agents")
@CompoundIndex(name = "routing", def = "{'orgId': 1, 'status': 1, 'load': 1, 'lastAssignedAt': 1}")
public record Agent(@Id String id, String orgId, String addon, String operatorId, String email, String name,
		boolean active, AgentStatus status, Instant statusChangedAt, Instant lastLoginAt, Instant lastSeenAt,
		List<String> domainIds, List<String> tickets, int load, Instant lastAssignedAt, Long version,
		List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	public Agent {
		domainIds = (domainIds != null) ? List.copyOf(domainIds) : List.of();
		tickets = (tickets != null) ? List.copyOf(tickets) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
		status = (status != null) ? status : AgentStatus.OFFLINE;
		version = (version != null) ? version : 0L;
	}

	/**
	 * The id of an operator's agent in one addon of an organisation.
	 * @param orgId the organisation
	 * @param addon the addon
	 * @param operatorId the operator
	 * @return the key
	 */
	public static String key(String orgId, String addon, String operatorId) {
		return orgId + "/" + addon + "/" + operatorId;
	}

}
