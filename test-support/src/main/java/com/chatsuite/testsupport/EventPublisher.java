package com.chatsuite.testsupport;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.EventJson;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes other services' events in a service's tests, as those services would: on the
 * event type's topic, keyed by the subject, waiting for the broker's acknowledgement.
 */
public final class EventPublisher {

	private final KafkaTemplate<String, byte[]> kafka;

	private final EventJson json;

	public EventPublisher(KafkaTemplate<String, byte[]> kafka, EventJson json) {
		this.kafka = kafka;
		this.json = json;
	}

	/**
	 * Publishes an event happening now.
	 * @param source the producing service
	 * @param orgId the organisation
	 * @param subject the aggregate id (the key)
	 * @param data the event data
	 * @return the event published
	 */
	public CloudEvent<?> publish(String source, String orgId, String subject, EventData data) {
		CloudEvent<?> event = CloudEvent.of(source, subject, orgId, data, Instant.now());
		publish(event);
		return event;
	}

	/**
	 * Publishes an event as it is, for example once more to test de-duplication.
	 * @param event the event
	 */
	public void publish(CloudEvent<?> event) {
		try {
			this.kafka.send(new ProducerRecord<>(event.eventType().topic(), event.subject(), this.json.toBytes(event)))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.type(), ex);
		}
	}

}
