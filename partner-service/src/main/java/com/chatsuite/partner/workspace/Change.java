package com.chatsuite.partner.workspace;

import java.util.List;

import com.chatsuite.contracts.events.EventData;

import org.springframework.data.mongodb.core.query.Update;

/**
 * What one request changes in a workspace, with the events describing it; no update when
 * the workspace is already as asked.
 *
 * @param update the field changes, {@code null} for none
 * @param events the events, oldest first
 */
public record Change(Update update, List<EventData> events) {

	/**
	 * Nothing to change: the workspace is answered as it is.
	 * @return the empty change
	 */
	public static Change none() {
		return new Change(null, List.of());
	}

	/**
	 * A change with its events.
	 * @param update the field changes
	 * @param events the events
	 * @return the change
	 */
	public static Change of(Update update, EventData... events) {
		return new Change(update, List.of(events));
	}

}
