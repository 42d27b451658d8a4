package com.chatsuite.contracts.events.chat;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A message was posted in a room. The text stays in chat-room-service.
 *
 * @param roomId the room id
 * @param messageId the message id
 * @param senderType who posted it
 * @param senderId the visitor's user id, the agent's operator id or the server's id
 * @param postedAt when it was posted
 */
public record MessagePosted(String roomId, String messageId, SenderType senderType, String senderId,
		Instant postedAt) implements EventData {

	public MessagePosted {
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(senderType, "senderType");
		Objects.requireNonNull(senderId, "senderId");
		Objects.requireNonNull(postedAt, "postedAt");
	}

}
