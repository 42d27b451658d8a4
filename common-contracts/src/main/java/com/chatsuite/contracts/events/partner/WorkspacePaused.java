package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A workspace was paused: it keeps its data, refuses changes and holds its webhooks.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param reason why it was paused
 * @param pausedAt when it was paused
 */
public record WorkspacePaused(String workspaceId, String partnerId, String reason,
		Instant pausedAt) implements EventData {

	public WorkspacePaused {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(pausedAt, "pausedAt");
	}

}
