package com.chatsuite.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The {@code data} of a {@link CloudEvent}: implemented by every event data record. The
 * event type is derived from the record class and is not part of the JSON.
 */
public interface EventData {

	/**
	 * Return the type of event this data belongs to.
	 * @return the event type
	 */
	@JsonIgnore
	default EventType eventType() {
		return EventType.forDataClass(getClass());
	}

}
