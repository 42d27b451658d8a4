package com.chatsuite.contracts.events.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An agent member of a partner workspace is an active operator of the workspace's
 * organisation, whether made one now or one already. The subject is the organisation
 * (workspace) id.
 *
 * @param email the member's email
 * @param operatorId the operator id
 * @param addons the addons the operator is active in
 * @param enlistedAt when it was done
 */
public record AgentMemberEnlisted(String email, String operatorId, List<String> addons,
		Instant enlistedAt) implements EventData {

	public AgentMemberEnlisted {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(operatorId, "operatorId");
		Objects.requireNonNull(addons, "addons");
		Objects.requireNonNull(enlistedAt, "enlistedAt");
		addons = List.copyOf(addons);
	}

}
