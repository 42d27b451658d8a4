package com.chatsuite.support.events;

import java.util.List;

/**
 * A MongoDB document that carries the events of its own changes in a field named
 * {@code outbox}. The relay finds every collection whose documents implement this.
 */
public interface HasOutbox {

	/**
	 * The events not yet sent, oldest first.
	 * @return the pending events, never {@code null}
	 */
	List<OutboxEvent> outbox();

}
