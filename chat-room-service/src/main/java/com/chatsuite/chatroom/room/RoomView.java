package com.chatsuite.chatroom.room;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A room as the chat room API shows it, with the reference document's field names. Each
 * endpoint shows the fields its example shows; fields it does not show are left out
 * ({@code null}).
 *
 * @param id the room id
 * @param eventId the documented event id
 * @param userId the visitor's user id
 * @param orgId the organisation
 * @param portfolioName the portfolio name
 * @param roomNumber {@code <n>-<user_id>}
 * @param productName the channel
 * @param messageData the last message's text
 * @param message the greeting of a new room
 * @param isLogin whether the visitor came signed in
 * @param active whether the room accepts messages
 * @param roomId the room id again, as the login answer shows it
 * @param roomToken the room token, only in the answer that issued it
 * @param createdAt when the room was opened
 * @param agentId the agent holding its ticket
 * @param agentName that agent's name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "_id", "eventId", "user_id", "org_id", "portfolio_name", "room_room_id", "product_name",
		"message_data", "message", "isLogin", "is_active", "room_id", "room_token", "created_at", "agent_id",
		"agent_name" })
public record RoomView(@JsonProperty("_id") String id, String eventId, @JsonProperty("user_id") String userId,
		@JsonProperty("org_id") String orgId, @JsonProperty("portfolio_name") String portfolioName,
		@JsonProperty("room_room_id") String roomNumber, @JsonProperty("product_name") String productName,
		@JsonProperty("message_data") String messageData, Greeting message, Boolean isLogin,
		@JsonProperty("is_active") boolean active, @JsonProperty("room_id") String roomId,
		@JsonProperty("room_token") String roomToken, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("agent_id") String agentId, @JsonProperty("agent_name") String agentName) {

	/**
	 * A room as listed and looked up ({@code get_room_by_id}, {@code room-list}).
	 * @param room the room
	 * @return the view
	 */
	public static RoomView of(Room room) {
		return new RoomView(room.id(), room.eventId(), room.userId(), room.orgId(), room.portfolioName(),
				room.roomNumber(), room.productName(), room.lastMessage(), null, null, room.active(), null, null,
				room.createdAt(), room.agentId(), room.agentName());
	}

	/**
	 * The answer of {@code room-control} and {@code openChatRoom}.
	 * @param room the room
	 * @param token the room token issued
	 * @return the view
	 */
	static RoomView opened(Room room, String token) {
		return new RoomView(room.id(), room.eventId(), room.userId(), room.orgId(), room.portfolioName(),
				room.roomNumber(), room.productName(), room.lastMessage(), null, null, room.active(), null, token,
				room.createdAt(), null, null);
	}

	/**
	 * The answer of {@code login}, {@code extension} and {@code init}: with the greeting
	 * and whether the visitor is signed in, without the last message.
	 * @param room the room
	 * @param token the room token issued
	 * @param greeting the greeting
	 * @param withRoomId whether to repeat the id as {@code room_id} (login)
	 * @return the view
	 */
	static RoomView greeted(Room room, String token, String greeting, boolean withRoomId) {
		return new RoomView(room.id(), room.eventId(), room.userId(), room.orgId(), room.portfolioName(),
				room.roomNumber(), room.productName(), null, new Greeting(greeting), room.login(), room.active(),
				withRoomId ? room.id() : null, token, room.createdAt(), null, null);
	}

	/**
	 * The greeting shown to the visitor of a new room.
	 *
	 * @param receiver the greeting text
	 */
	public record Greeting(String receiver) {
	}

}
