package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A person was invited to a workspace with a role.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param email the member's email
 * @param role admin or agent
 * @param invitedAt when the invitation was made
 */
public record MemberInvited(String workspaceId, String partnerId, String email, String role,
		Instant invitedAt) implements EventData {

	public MemberInvited {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(invitedAt, "invitedAt");
	}

}
