package com.chatsuite.chatroom.message;

import java.util.List;

import com.chatsuite.chatroom.ChatRoomProperties;
import com.chatsuite.chatroom.access.Caller;
import com.chatsuite.chatroom.access.RoomAccess;
import com.chatsuite.chatroom.message.Messages.PageRequest;
import com.chatsuite.chatroom.room.Room;
import com.chatsuite.chatroom.room.RoomView;
import com.chatsuite.contracts.api.ChatRoomApiResponse;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code room-service}, the documented calls on one room, told apart by {@code type}:
 * post a message and close the room (POST), read its messages and the room itself (GET).
 * The room's visitor calls with the room token, an agent of its organisation with an
 * agent token.
 */
@RestController
class RoomServiceController {

	private static final String PATH = "/api/v2/room-service/";

	private static final String DETAILS = "Room deatils based on workspace id";

	private final RoomAccess access;

	private final Messages messages;

	private final ChatRoomProperties properties;

	RoomServiceController(RoomAccess access, Messages messages, ChatRoomProperties properties) {
		this.access = access;
		this.messages = messages;
		this.properties = properties;
	}

	@PostMapping(PATH)
	Mono<ChatRoomApiResponse<Done>> change(ServerWebExchange exchange) {
		return this.access.caller(exchange, false)
			.flatMap((caller) -> RequestFields.read(exchange).flatMap((fields) -> {
				String type = type(fields, "create_message", "delete_room");
				return this.access.room(caller, fields.requiredText("room_id")).flatMap((room) -> switch (type) {
					case "create_message" -> createMessage(fields, caller, room);
					default -> deleteRoom(fields, caller, room);
				});
			}));
	}

	@GetMapping(PATH)
	Mono<?> read(ServerWebExchange exchange) {
		return this.access.caller(exchange, false).flatMap((caller) -> fieldsOfGet(exchange).flatMap((fields) -> {
			String type = type(fields, "get_messages", "get_room_by_id", "delete_room");
			String roomId = fields.requiredText("room_id");
			if ("delete_room".equals(type)) {
				// The reference document closes a room with a GET, as well as the POST.
				return this.access.room(caller, roomId).flatMap((room) -> deleteRoom(fields, caller, room));
			}
			PageRequest page = "get_messages".equals(type) ? pageRequest(fields) : null;
			return this.access.room(caller, roomId)
				.flatMap((room) -> (page != null) ? messages(room, page) : Mono.just(roomDetails(room)));
		}));
	}

	private Mono<ChatRoomApiResponse<Done>> createMessage(RequestFields fields, Caller caller, Room room) {
		MessageInput input = MessageInput.read(fields, caller, this.properties.messages().maxLength());
		String senderId = (caller instanceof Caller.Agent agent) ? agent.operatorId() : room.userId();
		return this.messages.post(room, input.author(), senderId, input.text(), null)
			.map((message) -> ChatRoomApiResponse.ok("Message updated successfully",
					new Done(true, message.messageId(), message.sequence())));
	}

	private Mono<ChatRoomApiResponse<Done>> deleteRoom(RequestFields fields, Caller caller, Room room) {
		Boolean active = fields.optionalBoolean("is_active");
		if (Boolean.TRUE.equals(active)) {
			throw ApiException.badRequest("is_active", "is_active must be false: a room can only be closed");
		}
		String closedBy = (caller instanceof Caller.Agent agent) ? agent.operatorId() : room.userId();
		String reason = (caller instanceof Caller.Agent) ? "closed by an agent" : "closed by the visitor";
		return this.messages.close(room, closedBy, reason)
			.map((closed) -> ChatRoomApiResponse.ok("Room deleted successfully", new Done(true, null, null)));
	}

	private Mono<MessagePageAnswer> messages(Room room, PageRequest page) {
		return this.messages.page(room, page)
			.map((found) -> new MessagePageAnswer(true, DETAILS,
					found.messages().stream().map((message) -> MessageView.of(room, message)).toList(),
					found.nextCursor()));
	}

	private static ChatRoomApiResponse<List<RoomView>> roomDetails(Room room) {
		return ChatRoomApiResponse.ok(DETAILS, List.of(RoomView.of(room)));
	}

	private PageRequest pageRequest(RequestFields fields) {
		ChatRoomProperties.Messages limits = this.properties.messages();
		Integer limit = fields.optionalInteger("limit");
		if (limit != null && (limit < 1 || limit > limits.maxPage())) {
			throw ApiException.badRequest("limit", "limit must be between 1 and " + limits.maxPage());
		}
		Long before = cursor(fields, "before");
		Long after = cursor(fields, "after");
		if (before != null && after != null) {
			throw ApiException.badRequest("before", "give before or after, not both");
		}
		return new PageRequest((limit != null) ? limit : limits.defaultPage(), before, after);
	}

	private static Long cursor(RequestFields fields, String name) {
		Long value = fields.optionalLong(name);
		if (value != null && value < 0) {
			throw ApiException.badRequest(name, name + " must be a message sequence number (0 or more)");
		}
		return value;
	}

	/**
	 * The fields of a GET: its query string, or, when that names no {@code type}, its
	 * body (the reference document writes {@code delete_room} as a GET with a JSON body).
	 */
	private static Mono<RequestFields> fieldsOfGet(ServerWebExchange exchange) {
		RequestFields query = RequestFields.query(exchange);
		if (query.optionalText("type") != null || !hasBody(exchange)) {
			return Mono.just(query);
		}
		return RequestFields.readBody(exchange);
	}

	private static boolean hasBody(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

	private static String type(RequestFields fields, String... known) {
		String type = fields.requiredText("type");
		for (String candidate : known) {
			if (candidate.equals(type)) {
				return type;
			}
		}
		throw ApiException.badRequest("type", "type must be one of " + String.join(", ", known));
	}

	/**
	 * The documented answer to a change, with the message's id and number added.
	 *
	 * @param isSuccess always {@code true}
	 * @param messageId the message posted
	 * @param sequence its number in the room
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Done(@JsonProperty("isSuccess") boolean isSuccess, @JsonProperty("message_id") String messageId,
			@JsonProperty("seq") Long sequence) {
	}

	/**
	 * A page of messages: the documented envelope, with the cursor of the next page.
	 *
	 * @param success always {@code true}
	 * @param message as documented
	 * @param response the messages, oldest first
	 * @param nextCursor for the next page, {@code null} at the end
	 */
	record MessagePageAnswer(boolean success, String message, List<MessageView> response,
			@JsonProperty("next_cursor") Long nextCursor) {
	}

}
