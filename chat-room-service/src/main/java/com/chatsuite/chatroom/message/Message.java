package com.chatsuite.chatroom.message;

import java.time.Instant;
import java.util.List;

import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message of a room, with the {@code message-posted} event that announces it. Its id is
 * {@code <room id>:<sequence>}, so the unique id makes sure no two messages of a room
 * share a number, and a page of a room's messages is read by ids.
 *
 * @param id {@code <room id>:<sequence>}
 * @param roomId the room
 * @param orgId the room's organisation
 * @param sequence its place in the room, from 1
 * @param text the text
 * @param author {@code client}, {@code agent} or {@code system}
 * @param senderId the visitor's user id, the agent's operator id or {@code system}
 * @param origin the event a system message answers, so it is posted once however often
 * the event is delivered; {@code null} for messages people write
 * @param createdAt when it was posted
 * @param outbox its event until sent
 */
@Document("messages")
record Message(@Id String id, String roomId, String orgId, long sequence, String text, String author, String senderId,
		@Indexed(unique = true, sparse = true) String origin, Instant createdAt,
		List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	Message {
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	static String id(String roomId, long sequence) {
		return roomId + ":" + sequence;
	}

	/** Messages from the visitor are on the documented {@code side} {@code true}. */
	boolean side() {
		return Author.CLIENT.value().equals(this.author);
	}

}
