package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A partner deleted a workspace; its organisation is disabled.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param deletedAt when it was deleted
 */
public record WorkspaceDeleted(String workspaceId, String partnerId, Instant deletedAt) implements EventData {

	public WorkspaceDeleted {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(deletedAt, "deletedAt");
	}

}
