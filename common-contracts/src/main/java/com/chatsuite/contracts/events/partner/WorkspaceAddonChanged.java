package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An addon was installed on or removed from a workspace's organisation.
 *
 * @param workspaceId the workspace id, also its organisation's id
 * @param partnerId the owning partner's organisation id
 * @param addon the addon unique name
 * @param installed true when installed, false when removed
 * @param changedAt when it changed
 */
public record WorkspaceAddonChanged(String workspaceId, String partnerId, String addon, boolean installed,
		Instant changedAt) implements EventData {

	public WorkspaceAddonChanged {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(addon, "addon");
		Objects.requireNonNull(changedAt, "changedAt");
	}

}
