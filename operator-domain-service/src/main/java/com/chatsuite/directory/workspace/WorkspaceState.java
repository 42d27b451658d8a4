package com.chatsuite.directory.workspace;

import java.time.Instant;
import java.util.List;

import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a partner workspace, projected from
 * {@code partner.workspaces} (partner-service owns workspaces): whether it is paused, its
 * addons, and which of its agent members were made operators. The aggregate of the
 * agent-member events this service publishes about it.
 *
 * @param id the workspace id, also its organisation's id
 * @param paused whether it is paused
 * @param statusChangedAt when it was last paused or activated, so an older event never
 * overwrites a newer one
 * @param addons the addons installed on its organisation
 * @param agents emails of the agent members made operators
 * @param outbox events not yet sent
 */
@Document("workspaces")
record WorkspaceState(@Id String id, boolean paused, Instant statusChangedAt, List<String> addons, List<String> agents,
		List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	WorkspaceState {
		addons = (addons != null) ? List.copyOf(addons) : List.of();
		agents = (agents != null) ? List.copyOf(agents) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

}
