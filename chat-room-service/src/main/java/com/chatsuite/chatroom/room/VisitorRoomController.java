package com.chatsuite.chatroom.room;

import com.chatsuite.chatroom.ChatRoomProperties;
import com.chatsuite.chatroom.access.RoomAccess;
import com.chatsuite.chatroom.channel.Channels;
import com.chatsuite.chatroom.qr.QrIds;
import com.chatsuite.chatroom.room.RoomOpener.OpenRequest;
import com.chatsuite.chatroom.room.RoomOpener.OpenedRoom;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The visitor side's room opening, as the reference document shows it: by organisation
 * and channel ({@code room-control}), by website ({@code openChatRoom}), for signed-in
 * users ({@code login}) and the browser extension ({@code extension}), and from a QR code
 * ({@code init}). Every answer carries the room token, in the body and in the
 * {@code X-Room-Token} header.
 */
@RestController
class VisitorRoomController {

	/** Longest id or name accepted in a room's fields. */
	private static final int MAX_FIELD = 200;

	private static final String FILTERED = "Room filter successfully";

	private static final String CREATED = "Room created successfully";

	private final RoomOpener opener;

	private final Channels channels;

	private final QrIds qrIds;

	private final ChatRoomProperties properties;

	private final RoomAccess access;

	VisitorRoomController(RoomOpener opener, Channels channels, QrIds qrIds, ChatRoomProperties properties,
			RoomAccess access) {
		this.access = access;
		this.opener = opener;
		this.channels = channels;
		this.qrIds = qrIds;
		this.properties = properties;
	}

	@PostMapping("/api/v2/room-control/")
	Mono<OpenedRoomAnswer> roomControl(ServerWebExchange exchange) {
		return fields(exchange)
			.map((fields) -> new OpenRequest(text(fields, "org_id"), text(fields, "user_id"),
					text(fields, "portfolio_name"), text(fields, "product_name"), false, presentedToken(exchange)))
			.flatMap(this.opener::open)
			.map((opened) -> answer(exchange, opened, FILTERED, RoomView.opened(opened.room(), opened.token())));
	}

	@PostMapping("/api/v2/openChatRoom/")
	Mono<OpenedRoomAnswer> openChatRoom(ServerWebExchange exchange) {
		return fields(exchange).flatMap((fields) -> {
			String userId = text(fields, "user_id");
			String productName = text(fields, "product_name");
			String portfolioName = optionalText(fields, "portfolio_name", userId);
			return this.channels.organisationOf(productName)
				.map((orgId) -> new OpenRequest(orgId, userId, portfolioName, productName, false,
						presentedToken(exchange)));
		})
			.flatMap(this.opener::open)
			.map((opened) -> answer(exchange, opened, FILTERED, RoomView.opened(opened.room(), opened.token())));
	}

	@PostMapping("/api/v2/login/")
	Mono<OpenedRoomAnswer> login(ServerWebExchange exchange) {
		return fields(exchange).map((fields) -> {
			String userId = text(fields, "user_id");
			String productName = optionalText(fields, "product_name", "login");
			String portfolioName = optionalText(fields, "portfolio_name", productName + userId);
			return new OpenRequest(text(fields, "org_id"), userId, portfolioName, productName, true,
					presentedToken(exchange));
		})
			.flatMap(this.opener::open)
			.map((opened) -> answer(exchange, opened, CREATED,
					RoomView.greeted(opened.room(), opened.token(), this.properties.greeting(), true)));
	}

	@PostMapping("/api/v2/extension/")
	Mono<OpenedRoomAnswer> extension(ServerWebExchange exchange) {
		return fields(exchange)
			.map((fields) -> new OpenRequest(text(fields, "org_id"), text(fields, "user_id"),
					text(fields, "portfolio_name"), text(fields, "product_name"), true, presentedToken(exchange)))
			.flatMap(this.opener::open)
			.map((opened) -> answer(exchange, opened, FILTERED,
					RoomView.greeted(opened.room(), opened.token(), this.properties.greeting(), false)));
	}

	@GetMapping("/api/v2/init/{orgId}/{productName}/{qrId}/")
	Mono<PublicRoomAnswer> init(@PathVariable String orgId, @PathVariable String productName, @PathVariable String qrId,
			ServerWebExchange exchange) {
		OpenRequest request = new OpenRequest(checked(orgId, "org_id"), checked(qrId, "qr_id"), qrId,
				checked(productName, "product_name"), false, presentedToken(exchange));
		return this.access.optionalAgent(exchange)
			.then(this.opener.open(request, this.qrIds.requireOwned(orgId, qrId)))
			.map((opened) -> new PublicRoomAnswer(answer(exchange, opened, CREATED,
					RoomView.greeted(opened.room(), opened.token(), this.properties.greeting(), false))));
	}

	/**
	 * The request's fields, once an {@code Authorization} header, if any, is found to
	 * hold a valid agent token: no header is ignored.
	 */
	private Mono<RequestFields> fields(ServerWebExchange exchange) {
		return this.access.optionalAgent(exchange).then(RequestFields.read(exchange));
	}

	private static OpenedRoomAnswer answer(ServerWebExchange exchange, OpenedRoom opened, String message,
			RoomView view) {
		exchange.getResponse().getHeaders().set(RoomTokens.HEADER, opened.token());
		return new OpenedRoomAnswer(true, message, opened.room().id(), view);
	}

	private static String presentedToken(ServerWebExchange exchange) {
		String token = exchange.getRequest().getHeaders().getFirst(RoomTokens.HEADER);
		return (token != null && !token.isBlank()) ? token.trim() : null;
	}

	private static String text(RequestFields fields, String name) {
		return checked(fields.requiredText(name), name);
	}

	private static String optionalText(RequestFields fields, String name, String fallback) {
		String value = fields.optionalText(name);
		return (value != null) ? checked(value, name) : fallback;
	}

	private static String checked(String value, String name) {
		if (value.length() > MAX_FIELD) {
			throw ApiException.badRequest(name, name + " must be at most " + MAX_FIELD + " characters");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.badRequest(name, name + " must not contain control characters");
		}
		return value;
	}

	/**
	 * The answer to opening a room.
	 *
	 * @param success always {@code true}
	 * @param message what happened, as documented
	 * @param insertedId the room id
	 * @param response the room
	 */
	record OpenedRoomAnswer(boolean success, String message, @JsonProperty("inserted_id") String insertedId,
			RoomView response) {
	}

	/**
	 * The answer to opening a QR code's public room: the room answer, wrapped.
	 *
	 * @param room the room answer
	 */
	record PublicRoomAnswer(OpenedRoomAnswer room) {
	}

}
