package com.chatsuite.partner.workspace;

import java.time.Instant;

/**
 * A person invited to a workspace.
 *
 * @param email the person's email, lower case
 * @param role {@code admin} or {@code agent}
 * @param accepted whether the person has joined (an agent once the workspace's
 * organisation has made them an operator)
 * @param invitedAt when they were invited
 */
public record Member(String email, String role, boolean accepted, Instant invitedAt) {

	/** The roles a member can have. */
	public static final java.util.List<String> ROLES = java.util.List.of("admin", "agent");

}
