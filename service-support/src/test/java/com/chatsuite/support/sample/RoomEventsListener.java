package com.chatsuite.support.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.support.events.EventInbox;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes room events through the inbox (messages without it); a room named
 * {@code explode} always fails.
 */
@Component
public class RoomEventsListener {

	private final EventInbox inbox;

	private final List<CloudEvent<?>> handled = new CopyOnWriteArrayList<>();

	private final AtomicInteger failures = new AtomicInteger();

	private final Map<String, String> traceIds = new ConcurrentHashMap<>();

	private final Tracer tracer;

	RoomEventsListener(EventInbox inbox, Tracer tracer) {
		this.inbox = inbox;
		this.tracer = tracer;
	}

	@KafkaListener(topics = Topics.CHAT_ROOMS)
	void onRoomEvent(ConsumerRecord<String, byte[]> record) {
		// Messages stand for events whose handler is idempotent by itself: no inbox.
		this.inbox.handle("sample-rooms", record, (event) -> event.data() instanceof MessagePosted, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof RoomCreated room && room.productName().equals("explode")) {
			this.failures.incrementAndGet();
			return Mono.error(new IllegalStateException("cannot handle room " + room.roomId()));
		}
		// Inside the handler's reactive chain, after the inbox's store look-up: on
		// another
		// thread than the listener's, where only context propagation brings the span.
		Span span = this.tracer.currentSpan();
		if (span != null) {
			this.traceIds.put(event.id(), span.context().traceId());
		}
		this.handled.add(event);
		return Mono.empty();
	}

	public List<CloudEvent<?>> handled() {
		return List.copyOf(this.handled);
	}

	/**
	 * The trace id current while an event was handled.
	 * @param eventId the event
	 * @return the trace id, {@code null} when none was current or the event not handled
	 */
	public String traceIdOf(String eventId) {
		return this.traceIds.get(eventId);
	}

	public int failures() {
		return this.failures.get();
	}

}
