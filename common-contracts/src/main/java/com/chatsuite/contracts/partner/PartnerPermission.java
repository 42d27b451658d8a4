package com.chatsuite.contracts.partner;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The permissions a partner API key can hold: the fixed set auth-service accepts when a
 * key is created, and partner-service checks on every endpoint (403 naming the one
 * missing).
 */
public enum PartnerPermission {

	/** List the partner's clients. */
	CLIENTS_READ("clients:read"),

	/** Read workspaces, their flows, members and points, and the catalogues. */
	WORKSPACES_READ("workspaces:read"),

	/** Create, delete, pause and activate workspaces. */
	WORKSPACES_WRITE("workspaces:write"),

	/** Change a workspace's plan, addons, auto-renewal and billing information. */
	BILLING_WRITE("billing:write"),

	/** Top up and deduct a workspace's points. */
	POINTS_WRITE("points:write"),

	/** Invite and remove a workspace's members. */
	MEMBERS_WRITE("members:write"),

	/** Install templates in a workspace. */
	TEMPLATES_WRITE("templates:write"),

	/** List webhook endpoints and their deliveries. */
	WEBHOOKS_READ("webhooks:read"),

	/** Register and remove webhook endpoints, replay deliveries. */
	WEBHOOKS_WRITE("webhooks:write");

	private final String value;

	PartnerPermission(String value) {
		this.value = value;
	}

	/**
	 * The permission as named in an API key.
	 * @return for example {@code workspaces:write}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The permission of a name.
	 * @param value the name given
	 * @return the permission, empty when no permission has that name
	 */
	public static Optional<PartnerPermission> of(String value) {
		return Arrays.stream(values()).filter((permission) -> permission.value.equals(value)).findFirst();
	}

	/**
	 * Every permission name.
	 * @return the names, in declaration order
	 */
	public static List<String> names() {
		return Arrays.stream(values()).map(PartnerPermission::value).toList();
	}

}
