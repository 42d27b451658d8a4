package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A partner created a workspace for a client.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param clientEmail the client's email
 * @param plan the plan the workspace starts on
 * @param createdAt when it was created
 */
public record WorkspaceCreated(String workspaceId, String partnerId, String clientEmail, String plan,
		Instant createdAt) implements EventData {

	public WorkspaceCreated {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(clientEmail, "clientEmail");
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
