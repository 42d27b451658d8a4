package com.chatsuite.partner.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.chatsuite.contracts.events.EventType;

/**
 * The events a partner can subscribe a webhook endpoint to, named with dots, and the
 * suite event each comes from. The activity of a paused workspace's organisation is held
 * until it is active again; the partner's own changes of the workspace (made while it was
 * active, since a paused one refuses them) and its pause, activation, deletion and
 * renewal failure reach the partner at once.
 */
enum WebhookEvent {

	WORKSPACE_CREATED("workspace.created", EventType.WORKSPACE_CREATED, false),

	WORKSPACE_DELETED("workspace.deleted", EventType.WORKSPACE_DELETED, false),

	WORKSPACE_PAUSED("workspace.paused", EventType.WORKSPACE_PAUSED, false),

	WORKSPACE_ACTIVATED("workspace.activated", EventType.WORKSPACE_ACTIVATED, false),

	PLAN_CHANGED("workspace.plan_changed", EventType.PLAN_CHANGED, false),

	POINTS_CHANGED("workspace.points_changed", EventType.POINTS_CHANGED, false),

	AUTO_RENEW_FAILED("workspace.auto_renew_failed", EventType.AUTO_RENEW_FAILED, false),

	MEMBER_INVITED("member.invited", EventType.MEMBER_INVITED, false),

	MEMBER_REMOVED("member.removed", EventType.MEMBER_REMOVED, false),

	ROOM_CLOSED("room.closed", EventType.ROOM_CLOSED, true),

	TICKET_ASSIGNED("ticket.assigned", EventType.TICKET_ASSIGNED, true);

	private final String value;

	private final EventType source;

	private final boolean heldWhilePaused;

	WebhookEvent(String value, EventType source, boolean heldWhilePaused) {
		this.value = value;
		this.source = source;
		this.heldWhilePaused = heldWhilePaused;
	}

	/** The name partners subscribe to, for example {@code workspace.paused}. */
	String value() {
		return this.value;
	}

	/** Whether its deliveries wait while the workspace is paused. */
	boolean heldWhilePaused() {
		return this.heldWhilePaused;
	}

	/**
	 * Whether the event comes from the workspace's organisation rather than its partner.
	 */
	boolean fromOrganisation() {
		return this == ROOM_CLOSED || this == TICKET_ASSIGNED;
	}

	static Optional<WebhookEvent> named(String value) {
		return Arrays.stream(values()).filter((event) -> event.value.equals(value)).findFirst();
	}

	static Optional<WebhookEvent> from(EventType type) {
		return Arrays.stream(values()).filter((event) -> event.source == type).findFirst();
	}

	static List<String> names() {
		return Arrays.stream(values()).map(WebhookEvent::value).toList();
	}

}
