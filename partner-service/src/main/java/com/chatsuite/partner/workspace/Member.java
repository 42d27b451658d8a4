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
 * @param refusal why the workspace's organisation did not make this agent an operator
 * (beyond the plan's operators, for example); {@code null} unless refused
 * @param invitation the keyed request that invited them, so that its retry answers the
 * invitation instead of a conflict with it; {@code null} without a key
 */
public record Member(String email, String role, boolean accepted, Instant invitedAt, String refusal,
		String invitation) {

	/** The roles a member can have. */
	public static final java.util.List<String> ROLES = java.util.List.of("admin", "agent");

	/** The role of members who are made operators of the workspace's organisation. */
	public static final String AGENT = "agent";

	/**
	 * Where the invitation stands.
	 * @return {@code accepted}, {@code refused} or {@code pending}
	 */
	public String status() {
		if (this.accepted) {
			return "accepted";
		}
		return (this.refusal != null) ? "refused" : "pending";
	}

}
