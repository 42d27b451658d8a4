package com.chatsuite.support.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes room events through the inbox; a room named {@code explode} always fails.
 */
@Component
public class RoomEventsListener {

	private final EventInbox inbox;

	private final List<CloudEvent<?>> handled = new CopyOnWriteArrayList<>();

	private final AtomicInteger failures = new AtomicInteger();

	RoomEventsListener(EventInbox inbox) {
		this.inbox = inbox;
	}

	@KafkaListener(topics = Topics.CHAT_ROOMS)
	void onRoomEvent(ConsumerRecord<String, byte[]> record) {
		this.inbox.handle("sample-rooms", record, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof RoomCreated room && room.productName().equals("explode")) {
			this.failures.incrementAndGet();
			return Mono.error(new IllegalStateException("cannot handle room " + room.roomId()));
		}
		this.handled.add(event);
		return Mono.empty();
	}

	public List<CloudEvent<?>> handled() {
		return List.copyOf(this.handled);
	}

	public int failures() {
		return this.failures.get();
	}

}
