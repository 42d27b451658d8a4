package com.chatsuite.chatroom.stream;

import java.time.Instant;

/**
 * A message as its room's live streams carry it.
 *
 * @param roomId the room
 * @param messageId the message id
 * @param sequence its place in the room
 * @param text the text
 * @param author {@code client}, {@code agent} or {@code system}
 * @param createdAt when it was posted
 */
public record LiveMessage(String roomId, String messageId, long sequence, String text, String author,
		Instant createdAt) {

}
