package com.chatsuite.ticket.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a ticket, with the agent ticket API's status names. A ticket waits
 * ({@code CREATED}, {@code REASSIGNED}), is held by one agent ({@code ASSIGNED} and the
 * workflow statuses), and ends {@code CLOSED} (by its agent or auto-close) and then
 * {@code CHAT_CLOSED} once its room is closed, or {@code CHAT_CLOSED} at once when the
 * room closes first.
 */
public enum TicketStatus {

	/** Made for a new room; waits for an agent. */
	CREATED,

	/** Waiting on a workflow step before routing. */
	WORKFLOW_PENDING,

	/** The workflow step is done; waits for an agent. */
	WORKFLOW_DONE,

	/** Held by an agent. */
	ASSIGNED,

	/** Taken from its agent (who went offline); waits for another. */
	REASSIGNED,

	/** Handed to a second line by its agent, who still holds it. */
	ESCALATED,

	/** Closed by its agent or by auto-close; the room is being closed. */
	CLOSED,

	/** Its room is closed: the end. */
	CHAT_CLOSED,

	/** A field was changed by its agent, who still holds it. */
	UPDATE_FIELD,

	/** A refund was made for it by its agent, who still holds it. */
	REFUND_CREATED,

	/** Processing failed; waits for an agent. */
	ERROR;

	private static final Set<TicketStatus> WAITING = EnumSet.of(CREATED, WORKFLOW_DONE, REASSIGNED, ERROR);

	private static final Set<TicketStatus> HELD = EnumSet.of(ASSIGNED, ESCALATED, UPDATE_FIELD, REFUND_CREATED);

	private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.ofEntries(
			Map.entry(CREATED, EnumSet.of(WORKFLOW_PENDING, ASSIGNED, CLOSED, CHAT_CLOSED, ERROR)),
			Map.entry(WORKFLOW_PENDING, EnumSet.of(WORKFLOW_DONE, CLOSED, CHAT_CLOSED, ERROR)),
			Map.entry(WORKFLOW_DONE, EnumSet.of(ASSIGNED, CLOSED, CHAT_CLOSED, ERROR)),
			Map.entry(ASSIGNED, EnumSet.of(REASSIGNED, ESCALATED, UPDATE_FIELD, REFUND_CREATED, CLOSED, CHAT_CLOSED)),
			Map.entry(REASSIGNED, EnumSet.of(ASSIGNED, CLOSED, CHAT_CLOSED, ERROR)),
			Map.entry(ESCALATED, EnumSet.of(ASSIGNED, REASSIGNED, CLOSED, CHAT_CLOSED)),
			Map.entry(UPDATE_FIELD, EnumSet.of(ASSIGNED, REASSIGNED, CLOSED, CHAT_CLOSED)),
			Map.entry(REFUND_CREATED, EnumSet.of(ASSIGNED, REASSIGNED, CLOSED, CHAT_CLOSED)),
			Map.entry(ERROR, EnumSet.of(ASSIGNED, CLOSED, CHAT_CLOSED)), Map.entry(CLOSED, EnumSet.of(CHAT_CLOSED)),
			Map.entry(CHAT_CLOSED, EnumSet.noneOf(TicketStatus.class)));

	/**
	 * Whether a ticket may go from this status to another.
	 * @param next the status to go to
	 * @return whether the transition is legal
	 */
	public boolean canBecome(TicketStatus next) {
		return NEXT.get(this).contains(next);
	}

	/**
	 * The status after a transition.
	 * @param next the status to go to
	 * @return {@code next}
	 * @throws IllegalTransition when the lifecycle does not allow it
	 */
	public TicketStatus become(TicketStatus next) {
		if (!canBecome(next)) {
			throw new IllegalTransition(this, next);
		}
		return next;
	}

	/** Whether a ticket in this status waits for routing. */
	public boolean isWaiting() {
		return WAITING.contains(this);
	}

	/**
	 * Whether a ticket in this status is held by an agent and counts towards its load.
	 */
	public boolean isHeld() {
		return HELD.contains(this);
	}

	/** Whether the ticket is over: {@code CLOSED} or {@code CHAT_CLOSED}. */
	public boolean isClosed() {
		return this == CLOSED || this == CHAT_CLOSED;
	}

	/** The statuses of tickets that wait for routing. */
	public static Set<TicketStatus> waiting() {
		return EnumSet.copyOf(WAITING);
	}

	/** The statuses of tickets held by an agent. */
	public static Set<TicketStatus> held() {
		return EnumSet.copyOf(HELD);
	}

	/**
	 * A transition the ticket lifecycle does not allow.
	 */
	public static final class IllegalTransition extends IllegalStateException {

		IllegalTransition(TicketStatus from, TicketStatus to) {
			super("a " + from + " ticket cannot become " + to);
		}

	}

}
