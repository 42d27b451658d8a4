package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A paused workspace was made active again.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param activatedAt when it was activated
 */
public record WorkspaceActivated(String workspaceId, String partnerId, Instant activatedAt) implements EventData {

	public WorkspaceActivated {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(activatedAt, "activatedAt");
	}

}
