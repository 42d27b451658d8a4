package com.chatsuite.chatroom.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message of a room, with the {@code message-posted} event that announces it. Its id is
 * {@code <room id>:<sequence>}, so the unique id makes sure no two messages of a room
 * share a number, and a page of a room's messages is read by ids. A room's closing takes
 * the next free number with a mark of its own ({@link #closing}), so a message posted
 * while the room closes either comes before the mark or is refused.
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

	/** The prefix of the origin of a room's closing mark. */
	private static final String CLOSING = "room-closed:";

	static String id(String roomId, long sequence) {
		return roomId + ":" + sequence;
	}

	/**
	 * The mark a room's closing leaves on the next free number: no message is posted
	 * after it, and no reader shows it. It keeps who closes the room and why, so that a
	 * close that stopped half-way can be finished.
	 * @param roomId the room
	 * @param orgId its organisation
	 * @param sequence the number it takes
	 * @param now when the room closes
	 * @param closedBy who closes it
	 * @param reason why
	 * @return the mark
	 */
	static Message closing(String roomId, String orgId, long sequence, Instant now, String closedBy, String reason) {
		return new Message(id(roomId, sequence), roomId, orgId, sequence, reason, Author.SYSTEM.value(), closedBy,
				closingOrigin(roomId), now, List.of());
	}

	static String closingOrigin(String roomId) {
		return CLOSING + roomId;
	}

	/**
	 * Whether this, as read back, is the document that was written: the same kind,
	 * writer, text, origin and time (to the millisecond the store keeps).
	 * @param written the document as written
	 * @return whether they are the same
	 */
	boolean sameAs(Message written) {
		if (closes() || written.closes()) {
			return closes() && written.closes();
		}
		return Objects.equals(this.senderId, written.senderId) && Objects.equals(this.author, written.author)
				&& Objects.equals(this.text, written.text) && Objects.equals(this.origin, written.origin)
				&& this.createdAt.toEpochMilli() == written.createdAt.toEpochMilli();
	}

	/** Whether this is a room's closing mark rather than a message. */
	boolean closes() {
		return this.origin != null && this.origin.startsWith(CLOSING);
	}

	/** Messages from the visitor are on the documented {@code side} {@code true}. */
	boolean side() {
		return Author.CLIENT.value().equals(this.author);
	}

}
