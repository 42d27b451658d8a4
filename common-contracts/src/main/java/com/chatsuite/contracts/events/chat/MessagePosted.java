package com.chatsuite.contracts.events.chat;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A message was posted in a room.
 *
 * @param roomId the room id
 * @param messageId the message id
 * @param sequence the message's place in its room: 1 for the first, one more for each
 * next, so a consumer sees a gap or a repeat at once
 * @param senderType who posted it
 * @param senderId the visitor's user id, the agent's operator id or {@code system}
 * @param text the message text (at most 4,000 characters)
 * @param postedAt when it was posted
 */
public record MessagePosted(String roomId, String messageId, long sequence, SenderType senderType, String senderId,
		String text, Instant postedAt) implements EventData {

	public MessagePosted {
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(senderType, "senderType");
		Objects.requireNonNull(senderId, "senderId");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(postedAt, "postedAt");
	}

}
