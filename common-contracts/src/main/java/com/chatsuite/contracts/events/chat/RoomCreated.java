package com.chatsuite.contracts.events.chat;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A visitor's chat room was opened.
 *
 * @param roomId the room id
 * @param productName the channel the room came from; matched against domain names for
 * routing
 * @param userId the visitor's user id
 * @param userName the visitor's name, or {@code null}
 * @param language the visitor's language, or {@code null}
 * @param createdAt when the room was created
 */
public record RoomCreated(String roomId, String productName, String userId, String userName, String language,
		Instant createdAt) implements EventData {

	public RoomCreated {
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(productName, "productName");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
