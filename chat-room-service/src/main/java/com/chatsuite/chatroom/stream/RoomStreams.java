package com.chatsuite.chatroom.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.chatsuite.chatroom.ChatRoomProperties;
import com.chatsuite.chatroom.room.Room;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

/**
 * A room's live stream: what the subscriber missed since the last message it saw, then
 * every new message, in order, each once; a heartbeat comment while the room is quiet;
 * the closing as the last event.
 * <p>
 * Messages reach a stream from this replica's posts at once and from other replicas'
 * through their events; either way may overtake the other or drop one for a slow client.
 * The stream keeps the number of the last message it sent: a message it has sent already
 * is skipped, and one that comes after a gap first brings the missing ones from the
 * store, where they are sure to be (a number is taken only once every lower one is).
 */
@Component
public class RoomStreams {

	/** How far past the room's recorded last number the catch-up looks. */
	private static final long LOOK_AHEAD = 16;

	private final RoomHub hub;

	private final MessageSource messages;

	private final Duration heartbeat;

	RoomStreams(RoomHub hub, MessageSource messages, ChatRoomProperties properties) {
		this.hub = hub;
		this.messages = messages;
		this.heartbeat = properties.streams().heartbeat();
	}

	/**
	 * The stream of a room for one subscriber.
	 * @param room the room
	 * @param after the number of the last message the subscriber has, 0 for none
	 * @return the events
	 */
	public Flux<ServerSentEvent<Object>> of(Room room, long after) {
		return Flux.defer(() -> {
			// No message can be numbered further on: a larger Last-Event-ID is the
			// client's mistake, and must not make the numbers overflow.
			AtomicLong last = new AtomicLong(Math.min(after, room.lastSequence() + LOOK_AHEAD));
			Flux<RoomHub.Signal> signals = Flux.merge(this.hub.listen(room.id()),
					// Read again once listening: a room that closed since the caller read
					// it sends its closing, which the hub announced before this listened.
					Flux.defer(() -> this.messages.current(room)
						.flatMapMany((current) -> catchUp(current, last.get(), current.active()))));
			Flux<ServerSentEvent<Object>> events = signals.concatMap((signal) -> deliver(room.id(), last, signal));
			Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(this.heartbeat)
				.map((tick) -> ServerSentEvent.builder().comment("heartbeat").build());
			return Flux
				.concat(Flux.just(ServerSentEvent.builder().comment("ready").build()), Flux.merge(events, heartbeats))
				.takeUntil(RoomStreams::isClosing);
		});
	}

	/** What the subscriber missed, and the closing when the room is closed already. */
	private Flux<RoomHub.Signal> catchUp(Room room, long after, boolean active) {
		Flux<RoomHub.Signal> missed = this.messages.range(room.id(), after + 1, room.lastSequence() + LOOK_AHEAD)
			.map((message) -> new RoomHub.Signal(message, false));
		return active ? missed : missed.concatWith(Flux.just(new RoomHub.Signal(null, true)));
	}

	private Flux<ServerSentEvent<Object>> deliver(String roomId, AtomicLong last, RoomHub.Signal signal) {
		if (signal.closed()) {
			// Whatever was posted before the closing goes out before it.
			return this.messages.range(roomId, last.get() + 1, last.get() + LOOK_AHEAD * 64)
				.filter((message) -> advance(last, message))
				.map(RoomStreams::event)
				.concatWith(Flux.just(closing(roomId)));
		}
		LiveMessage message = signal.message();
		long expected = last.get() + 1;
		if (message.sequence() < expected) {
			return Flux.empty();
		}
		Flux<LiveMessage> gap = (message.sequence() > expected)
				? this.messages.range(roomId, expected, message.sequence() - 1) : Flux.empty();
		return gap.concatWith(Flux.just(message)).filter((each) -> advance(last, each)).map(RoomStreams::event);
	}

	private static boolean advance(AtomicLong last, LiveMessage message) {
		if (message.sequence() <= last.get()) {
			return false;
		}
		last.set(message.sequence());
		return true;
	}

	private static ServerSentEvent<Object> event(LiveMessage message) {
		return ServerSentEvent.builder((Object) StreamedMessage.of(message))
			.id(Long.toString(message.sequence()))
			.event("message")
			.build();
	}

	private static ServerSentEvent<Object> closing(String roomId) {
		return ServerSentEvent.builder((Object) new Closing(roomId, false)).event(CLOSED).build();
	}

	private static boolean isClosing(ServerSentEvent<Object> event) {
		return CLOSED.equals(event.event());
	}

	private static final String CLOSED = "closed";

	/**
	 * Where a stream reads the messages it missed.
	 */
	public interface MessageSource {

		/**
		 * A room's messages numbered within a range, in order.
		 * @param roomId the room
		 * @param from the first number
		 * @param to the last number
		 * @return the messages found
		 */
		Flux<LiveMessage> range(String roomId, long from, long to);

		/**
		 * The room as stored now.
		 * @param room the room as read before
		 * @return the room read again; the room as given when it cannot be found
		 */
		default Mono<Room> current(Room room) {
			return Mono.just(room);
		}

	}

	/**
	 * A message as the stream sends it.
	 *
	 * @param id the message id
	 * @param roomId the room
	 * @param sequence its number in the room, also the event id
	 * @param messageData the text
	 * @param author who wrote it
	 * @param side {@code true} for the visitor's messages
	 * @param messageType always {@code text}
	 * @param createdAt when it was posted
	 */
	record StreamedMessage(@JsonProperty("_id") String id, @JsonProperty("room_id") String roomId,
			@JsonProperty("seq") long sequence, @JsonProperty("message_data") String messageData, String author,
			boolean side, @JsonProperty("message_type") String messageType,
			@JsonProperty("created_at") Instant createdAt) {

		static StreamedMessage of(LiveMessage message) {
			return new StreamedMessage(message.messageId(), message.roomId(), message.sequence(), message.text(),
					message.author(), "client".equals(message.author()), "text", message.createdAt());
		}

	}

	/**
	 * The last event of a room's stream.
	 *
	 * @param roomId the room
	 * @param active always {@code false}
	 */
	record Closing(@JsonProperty("room_id") String roomId, @JsonProperty("is_active") boolean active) {
	}

}
