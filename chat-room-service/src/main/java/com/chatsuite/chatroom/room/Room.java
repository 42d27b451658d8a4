package com.chatsuite.chatroom.room;

import java.time.Instant;
import java.util.List;

import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A visitor's chat room in an organisation. Its messages are documents of their own,
 * numbered from 1 in the order they were posted; {@code lastSequence} is the highest
 * number known to be taken.
 *
 * @param id the room id (24 hexadecimal digits, as the reference document shows)
 * @param eventId the documented {@code eventId}: {@code FB1010000000<epoch seconds>#<n>}
 * @param orgId the organisation
 * @param userId the visitor's user id (not a secret: the room token is)
 * @param portfolioName the visitor's portfolio name
 * @param roomNumber the documented {@code room_room_id}: {@code <n>-<user_id>}
 * @param productName the channel the room came from
 * @param login whether the visitor came signed in (login and extension rooms)
 * @param active whether the room accepts messages
 * @param tokenHash SHA-256 of the room token, hexadecimal; the token itself is never
 * stored
 * @param agentId the agent holding the room's ticket, once assigned
 * @param agentName that agent's name
 * @param lastSequence the number of the last message posted
 * @param lastMessage the text of the last message, {@code ""} before the first
 * @param createdAt when the room was opened
 * @param closedAt when it was closed
 * @param closedBy who closed it
 * @param version optimistic lock
 * @param outbox events of its changes not yet sent
 */
@Document("rooms")
@CompoundIndex(name = "org_open", def = "{'orgId': 1, 'active': 1}")
public record Room(@Id String id, String eventId, String orgId, String userId, String portfolioName, String roomNumber,
		String productName, boolean login, boolean active, @Indexed(unique = true) String tokenHash, String agentId,
		String agentName, long lastSequence, String lastMessage, Instant createdAt, Instant closedAt, String closedBy,
		@Version Long version, List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	public Room {
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
		lastMessage = (lastMessage != null) ? lastMessage : "";
	}

}
