package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A partner created a workspace for a client; auth-service provisions the organisation of
 * the same id.
 *
 * @param workspaceId the workspace id, also the id of its organisation
 * @param partnerId the owning partner's organisation id
 * @param name the workspace name
 * @param organisationDomain the sub domain of the workspace's organisation
 * @param clientEmail the client's email, the organisation's owner
 * @param passwordHash a slow salted hash (BCrypt) of the client's password, never the
 * password
 * @param plan the plan the workspace starts on
 * @param addons the addons the plan includes, installed on the organisation
 * @param maxOperators the most operators the plan allows
 * @param maxDomains the most domains the plan allows
 * @param createdAt when it was created
 */
public record WorkspaceCreated(String workspaceId, String partnerId, String name, String organisationDomain,
		String clientEmail, String passwordHash, String plan, List<String> addons, int maxOperators, int maxDomains,
		Instant createdAt) implements EventData {

	public WorkspaceCreated {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(organisationDomain, "organisationDomain");
		Objects.requireNonNull(clientEmail, "clientEmail");
		Objects.requireNonNull(passwordHash, "passwordHash");
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(addons, "addons");
		Objects.requireNonNull(createdAt, "createdAt");
		addons = List.copyOf(addons);
	}

}
