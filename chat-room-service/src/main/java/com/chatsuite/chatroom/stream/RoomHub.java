package com.chatsuite.chatroom.stream;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Hands what happens in a room to the streams open on this replica: messages posted here
 * at once, and those posted on other replicas as their events arrive. A stream that
 * misses one (a slow client, an event still on its way) notices the gap by the sequence
 * and reads what it missed from the store, so delivery here is best effort.
 */
@Component
public class RoomHub {

	private final ConcurrentMap<String, Listeners> rooms = new ConcurrentHashMap<>();

	/**
	 * Tells this replica's streams of a new message.
	 * @param message the message
	 */
	public void published(LiveMessage message) {
		emit(message.roomId(), new Signal(message, false));
	}

	/**
	 * Tells this replica's streams that a room was closed.
	 * @param roomId the room
	 */
	public void closed(String roomId) {
		emit(roomId, new Signal(null, true));
	}

	/** How many streams are open on this replica. */
	public int openStreams() {
		return this.rooms.values().stream().mapToInt(Listeners::count).sum();
	}

	/**
	 * What happens in a room from the moment of subscription on.
	 * @param roomId the room
	 * @return the signals, never completing by itself
	 */
	Flux<Signal> listen(String roomId) {
		return Flux.defer(() -> {
			Listeners listeners = this.rooms.compute(roomId,
					(id, existing) -> ((existing != null) ? existing : new Listeners()).join());
			return listeners.sink.asFlux().doFinally((signal) -> leave(roomId));
		});
	}

	private void leave(String roomId) {
		this.rooms.computeIfPresent(roomId, (id, listeners) -> (listeners.leave() > 0) ? listeners : null);
	}

	private void emit(String roomId, Signal signal) {
		Listeners listeners = this.rooms.get(roomId);
		if (listeners != null) {
			listeners.emit(signal);
		}
	}

	/**
	 * A message or the closing of the room.
	 *
	 * @param message the message, {@code null} for the closing
	 * @param closed whether the room was closed
	 */
	record Signal(LiveMessage message, boolean closed) {
	}

	private static final class Listeners {

		private final Sinks.Many<Signal> sink = Sinks.many().multicast().directBestEffort();

		private int count;

		Listeners join() {
			this.count++;
			return this;
		}

		int leave() {
			return --this.count;
		}

		int count() {
			return this.count;
		}

		synchronized void emit(Signal signal) {
			// Posts on this replica and events from others arrive on different threads.
			this.sink.tryEmitNext(signal);
		}

	}

}
