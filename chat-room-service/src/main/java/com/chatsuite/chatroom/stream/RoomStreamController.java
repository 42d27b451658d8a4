package com.chatsuite.chatroom.stream;

import com.chatsuite.chatroom.access.RoomAccess;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A room's live stream (Server-Sent Events), for its visitor (room token, in
 * {@code X-Room-Token} or, for browsers' {@code EventSource}, the {@code token} query
 * parameter) and its organisation's agents. A client that reconnects with
 * {@code Last-Event-ID} first gets what it missed.
 */
@RestController
class RoomStreamController {

	private final RoomAccess access;

	private final RoomStreams streams;

	RoomStreamController(RoomAccess access, RoomStreams streams) {
		this.access = access;
		this.streams = streams;
	}

	@GetMapping(path = "/api/v2/rooms/{roomId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(@PathVariable String roomId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, ServerWebExchange exchange) {
		return this.access.caller(exchange, true)
			.flatMap((caller) -> this.access.room(caller, roomId))
			.flatMapMany((room) -> this.streams.of(room, lastSeen(lastEventId)));
	}

	private static long lastSeen(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return 0;
		}
		try {
			long sequence = Long.parseLong(lastEventId.trim());
			if (sequence >= 0) {
				return sequence;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ApiException.badRequest("Last-Event-ID", "Last-Event-ID must be the id of an event of this stream");
	}

}
