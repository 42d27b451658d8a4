package com.chatsuite.directory.presence;

import java.time.Instant;

import com.chatsuite.contracts.events.ticket.AgentStatus;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of an operator's presence in one addon, projected from
 * ticket-service's {@code agent-status-changed} events (ticket-service owns presence).
 *
 * @param id {@link #key} of organisation, addon and operator
 * @param status the latest presence
 * @param changedAt when it changed, so an older event never overwrites a newer one
 */
@Document("agent_presence")
record AgentPresence(@Id String id, AgentStatus status, Instant changedAt) {

	/**
	 * The id of an operator's presence in one addon of an organisation.
	 * @param orgId the organisation
	 * @param addon the addon
	 * @param operatorId the operator
	 * @return the key
	 */
	static String key(String orgId, String addon, String operatorId) {
		return orgId + "/" + addon + "/" + operatorId;
	}

}
