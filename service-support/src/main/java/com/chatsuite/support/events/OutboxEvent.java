package com.chatsuite.support.events;

import java.time.Instant;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import org.jspecify.annotations.Nullable;

/**
 * An event waiting in the document whose change it describes. Saving the document saves
 * the event in the same single-document write, so the event exists exactly when the
 * change does; the {@link OutboxRelay} later sends it to Kafka and removes it.
 *
 * @param eventId the CloudEvents id, also the key consumers de-duplicate on
 * @param topic the Kafka topic
 * @param key the Kafka record key (the aggregate id), keeping one aggregate's events in
 * order
 * @param payload the serialised CloudEvents JSON
 * @param createdAt when the change was made
 * @param traceparent the W3C trace context of the change (the span that made it), put on
 * the Kafka record by the relay so consumers continue the trace; {@code null} without one
 */
public record OutboxEvent(String eventId, String topic, String key, String payload, Instant createdAt,
		@Nullable String traceparent) {

	/** Field names as stored, used by the relay's queries. */
	static final String FIELD = "outbox";

	static final String EVENT_ID = "eventId";

	static final String TRACEPARENT = "traceparent";

	/**
	 * Wraps an event for the outbox.
	 * @param event the event
	 * @param json the serialiser
	 * @param traceparent the trace context of the change, may be {@code null}
	 * @return the outbox entry
	 */
	public static OutboxEvent of(CloudEvent<?> event, EventJson json, @Nullable String traceparent) {
		return new OutboxEvent(event.id(), event.eventType().topic(), event.subject(), json.toJson(event), event.time(),
				traceparent);
	}

}
