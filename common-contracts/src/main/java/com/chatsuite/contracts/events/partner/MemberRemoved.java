package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A member was removed from a workspace.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param email the member's email
 * @param removedAt when the member was removed
 */
public record MemberRemoved(String workspaceId, String partnerId, String email,
		Instant removedAt) implements EventData {

	public MemberRemoved {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(removedAt, "removedAt");
	}

}
