package com.chatsuite.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A JSON CloudEvents 1.0 envelope in structured mode, with the {@code orgid} extension
 * attribute naming the tenant organisation. The {@code subject} is the aggregate id and
 * also the Kafka key.
 *
 * @param specversion the CloudEvents version, always {@value #SPEC_VERSION}
 * @param id a UUID, unique per event, used by consumers to drop duplicates
 * @param source the producing service, for example {@code chat-room-service}
 * @param type the event type, for example {@code chat.room.closed.v1}
 * @param time when the change happened
 * @param subject the aggregate id
 * @param datacontenttype always {@value #DATA_CONTENT_TYPE}
 * @param orgid the tenant organisation id
 * @param data the event data
 * @param <T> the data record type
 */
public record CloudEvent<T extends EventData>(String specversion, String id, String source, String type, Instant time,
		String subject, String datacontenttype, String orgid, T data) {

	/** The only CloudEvents version this suite reads and writes. */
	public static final String SPEC_VERSION = "1.0";

	/** The content type of every event's data. */
	public static final String DATA_CONTENT_TYPE = "application/json";

	public CloudEvent {
		requireText(specversion, "specversion");
		if (!SPEC_VERSION.equals(specversion)) {
			throw new IllegalArgumentException("specversion must be " + SPEC_VERSION + " but was " + specversion);
		}
		requireText(id, "id");
		requireText(source, "source");
		requireText(type, "type");
		Objects.requireNonNull(time, "time");
		requireText(subject, "subject");
		requireText(datacontenttype, "datacontenttype");
		requireText(orgid, "orgid");
		Objects.requireNonNull(data, "data");
		if (!data.eventType().type().equals(type)) {
			throw new IllegalArgumentException("type " + type + " does not match data "
					+ data.getClass().getSimpleName() + " (" + data.eventType().type() + ")");
		}
	}

	/**
	 * Create an event with a random id, taking the type from the data.
	 * @param source the producing service
	 * @param subject the aggregate id
	 * @param orgid the tenant organisation id
	 * @param data the event data
	 * @param time when the change happened
	 * @param <T> the data record type
	 * @return the event
	 */
	public static <T extends EventData> CloudEvent<T> of(String source, String subject, String orgid, T data,
			Instant time) {
		Objects.requireNonNull(data, "data");
		return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, data.eventType().type(), time,
				subject, DATA_CONTENT_TYPE, orgid, data);
	}

	/**
	 * Return the event type named by {@link #type()}.
	 * @return the event type
	 */
	@JsonIgnore
	public EventType eventType() {
		return this.data.eventType();
	}

	private static void requireText(String value, String attribute) {
		Objects.requireNonNull(value, attribute);
		if (value.isBlank()) {
			throw new IllegalArgumentException(attribute + " must not be blank");
		}
	}

}
