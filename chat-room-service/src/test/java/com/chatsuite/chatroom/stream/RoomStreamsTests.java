package com.chatsuite.chatroom.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.chatsuite.chatroom.ChatRoomProperties;
import com.chatsuite.chatroom.room.Room;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room's stream in virtual time: a heartbeat while the room is quiet, every message
 * once and in order whichever way it arrives, what a gap hid read from the store.
 */
class RoomStreamsTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private final RoomHub hub = new RoomHub();

	private final List<LiveMessage> stored = new ArrayList<>();

	private final RoomStreams streams = new RoomStreams(this.hub, this::range,
			new ChatRoomProperties("hi", new ChatRoomProperties.Messages(4000, 100, 500),
					new ChatRoomProperties.Streams(Duration.ofSeconds(15)), new ChatRoomProperties.QrIds(100)));

	@Test
	void aQuietRoomsStreamSendsAHeartbeatEveryFifteenSeconds() {
		StepVerifier.withVirtualTime(() -> this.streams.of(room(true, 0), 0))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo("ready"))
			.expectNoEvent(Duration.ofSeconds(14))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo("heartbeat"))
			.thenAwait(Duration.ofSeconds(15))
			.assertNext((event) -> assertThat(event.comment()).isEqualTo("heartbeat"))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void messagesArriveOnceAndInOrderAndAGapIsFilledFromTheStore() {
		store(1, "one");
		Flux<ServerSentEvent<Object>> messages = this.streams.of(room(true, 1), 0)
			.filter((event) -> "message".equals(event.event()));
		StepVerifier.create(messages).assertNext((event) -> assertThat(event.id()).isEqualTo("1")).then(() -> {
			store(2, "two");
			store(3, "three");
			// The third arrives before the second: the second is read from the store.
			this.hub.published(this.stored.get(2));
			// A repeat, as a replica's own post comes back through Kafka.
			this.hub.published(this.stored.get(2));
			this.hub.published(this.stored.get(1));
			store(4, "four");
			this.hub.published(this.stored.get(3));
		})
			.assertNext((event) -> assertThat(event.id()).isEqualTo("2"))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("3"))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("4"))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void theClosingComesAfterEveryMessagePostedBeforeItAndEndsTheStream() {
		Flux<ServerSentEvent<Object>> events = this.streams.of(room(true, 0), 0)
			.filter((event) -> event.event() != null);
		StepVerifier.create(events).then(() -> {
			store(1, "last words");
			// The message's own signal is lost; the closing brings it.
			this.hub.closed("room-1");
		})
			.assertNext((event) -> assertThat(event.id()).isEqualTo("1"))
			.assertNext((event) -> assertThat(event.event()).isEqualTo("closed"))
			.verifyComplete();
	}

	private void store(long sequence, String text) {
		this.stored.add(new LiveMessage("room-1", "room-1:" + sequence, sequence, text, "client", NOW));
	}

	private Flux<LiveMessage> range(String roomId, long from, long to) {
		return Flux.fromIterable(List.copyOf(this.stored))
			.filter((message) -> message.sequence() >= from && message.sequence() <= to);
	}

	private static Room room(boolean active, long lastSequence) {
		return new Room("room-1", "FB1", "org-1", "u", "p", "1-u", "shop", false, active, "hash", null, null,
				lastSequence, "", NOW, null, null, 1L, List.of());
	}

}
