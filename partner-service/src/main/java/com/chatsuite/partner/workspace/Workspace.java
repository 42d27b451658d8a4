package com.chatsuite.partner.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner's workspace for one client; its id is also the id of the organisation
 * auth-service provisions for it.
 *
 * @param id the workspace id
 * @param partnerId the owning partner's organisation id
 * @param clientId the client it belongs to
 * @param clientEmail the client's email
 * @param name the workspace name
 * @param subDomain its organisation's sub domain, unique
 * @param plan the plan id
 * @param addons the addons installed on its organisation
 * @param status active, paused or deleted
 * @param pausedReason why it is paused, {@code null} unless paused
 * @param autoRenew whether the plan renews itself at the end of a period
 * @param periodEndsAt when the current plan period ends
 * @param billing extra billing information, field by field
 * @param templates the templates installed
 * @param members the people invited
 * @param createdAt when it was created
 * @param version optimistic lock
 * @param outbox events of its changes not yet sent
 */
@Document("workspaces")
public record Workspace(@Id String id, String partnerId, String clientId, String clientEmail, String name,
		@Indexed(unique = true) String subDomain, String plan, List<String> addons, WorkspaceStatus status,
		String pausedReason, boolean autoRenew, Instant periodEndsAt, Map<String, String> billing,
		List<String> templates, List<Member> members, Instant createdAt, @Version Long version,
		List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	public Workspace {
		addons = (addons != null) ? List.copyOf(addons) : List.of();
		billing = (billing != null) ? Map.copyOf(billing) : Map.of();
		templates = (templates != null) ? List.copyOf(templates) : List.of();
		members = (members != null) ? List.copyOf(members) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	public boolean isPaused() {
		return this.status == WorkspaceStatus.PAUSED;
	}

	/**
	 * A member by email.
	 * @param email the email, lower case
	 * @return the member, empty when not invited
	 */
	public Optional<Member> member(String email) {
		return this.members.stream().filter((member) -> member.email().equals(email)).findFirst();
	}

}
