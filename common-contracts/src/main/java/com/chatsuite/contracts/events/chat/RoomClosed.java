package com.chatsuite.contracts.events.chat;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A room was closed and accepts no more messages.
 *
 * @param roomId the room id
 * @param closedBy who closed it (an agent id, the visitor's user id, a server or the
 * system)
 * @param reason why it was closed
 * @param closedAt when it was closed
 */
public record RoomClosed(String roomId, String closedBy, String reason, Instant closedAt) implements EventData {

	public RoomClosed {
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(closedBy, "closedBy");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(closedAt, "closedAt");
	}

}
