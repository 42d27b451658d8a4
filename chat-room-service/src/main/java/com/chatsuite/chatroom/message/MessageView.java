package com.chatsuite.chatroom.message;

import java.time.Instant;

import com.chatsuite.chatroom.room.Room;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A message as {@code get_messages} shows it: the reference document's room fields, with
 * the message's text as {@code message_data}, and the message's own fields added.
 *
 * @param id the message id
 * @param eventId the room's event id
 * @param userId the room's visitor
 * @param orgId the organisation
 * @param portfolioName the room's portfolio name
 * @param roomNumber the room's {@code room_room_id}
 * @param productName the room's channel
 * @param messageData the text
 * @param active whether the room accepts messages
 * @param roomId the room id
 * @param sequence the message's place in the room
 * @param author who wrote it
 * @param side {@code true} for the visitor's messages
 * @param messageType always {@code text}
 * @param createdAt when it was posted
 */
@JsonPropertyOrder({ "_id", "eventId", "user_id", "org_id", "portfolio_name", "room_room_id", "product_name",
		"message_data", "is_active", "room_id", "seq", "author", "side", "message_type", "created_at" })
record MessageView(@JsonProperty("_id") String id, String eventId, @JsonProperty("user_id") String userId,
		@JsonProperty("org_id") String orgId, @JsonProperty("portfolio_name") String portfolioName,
		@JsonProperty("room_room_id") String roomNumber, @JsonProperty("product_name") String productName,
		@JsonProperty("message_data") String messageData, @JsonProperty("is_active") boolean active,
		@JsonProperty("room_id") String roomId, @JsonProperty("seq") long sequence, String author, boolean side,
		@JsonProperty("message_type") String messageType, @JsonProperty("created_at") Instant createdAt) {

	static MessageView of(Room room, Message message) {
		return new MessageView(message.id(), room.eventId(), room.userId(), room.orgId(), room.portfolioName(),
				room.roomNumber(), room.productName(), message.text(), room.active(), room.id(), message.sequence(),
				message.author(), message.side(), MessageInput.TEXT, message.createdAt());
	}

}
