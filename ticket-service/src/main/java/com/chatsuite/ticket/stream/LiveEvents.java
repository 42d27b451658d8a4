package com.chatsuite.ticket.stream;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventFormatException;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The ticket and room events of the whole suite as they happen, for the agent streams of
 * this replica. Every replica reads both topics in a consumer group of its own (from the
 * latest offset), so an agent connected to any replica hears of changes made by any
 * other. Nothing is stored: a stream that is not connected misses nothing it could not
 * read again from {@code GET /v1/tickets}.
 */
@Component
class LiveEvents {

	static final String LISTENER = "agent-streams";

	private final Sinks.Many<CloudEvent<?>> events = Sinks.many().multicast().directBestEffort();

	private final EventJson json;

	LiveEvents(EventJson json) {
		this.json = json;
	}

	@KafkaListener(id = LISTENER, topics = { Topics.TICKETS, Topics.CHAT_ROOMS },
			groupId = "${spring.application.name}-streams-${random.uuid}", properties = "auto.offset.reset=latest")
	void onEvent(ConsumerRecord<String, byte[]> record) {
		CloudEvent<?> event;
		try {
			event = this.json.fromBytes(record.value());
		}
		catch (EventFormatException ex) {
			return;
		}
		// One listener thread emits, so emissions never overlap.
		this.events.tryEmitNext(event);
	}

	/**
	 * The events from now on; a subscriber that cannot keep up misses events rather than
	 * slowing the others.
	 * @return the live events
	 */
	Flux<CloudEvent<?>> live() {
		return this.events.asFlux();
	}

}
