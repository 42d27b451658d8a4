package com.chatsuite.chatroom.room;

import java.util.List;

import com.chatsuite.chatroom.access.RoomAccess;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The server side's room list: an agent lists its organisation's rooms, newest first,
 * optionally of one channel.
 */
@RestController
class RoomListController {

	private static final int MAX_LIMIT = 500;

	private static final int DEFAULT_LIMIT = 100;

	private final RoomAccess access;

	private final Rooms rooms;

	RoomListController(RoomAccess access, Rooms rooms) {
		this.access = access;
		this.rooms = rooms;
	}

	@GetMapping("/api/v2/room-list/")
	Mono<RoomList> list(ServerWebExchange exchange) {
		return this.access.agent(exchange).flatMap((agent) -> RequestFields.read(exchange).flatMap((fields) -> {
			String orgId = fields.requiredText("org_id");
			String productName = fields.optionalText("product_name");
			Integer limit = fields.optionalInteger("limit");
			if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
				throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
			}
			return RoomAccess.requireOwnOrganisation(agent, orgId, "org_id")
				.thenMany(this.rooms.ofOrganisation(orgId, productName, (limit != null) ? limit : DEFAULT_LIMIT))
				.map(RoomView::of)
				.collectList()
				.map(RoomList::new);
		}));
	}

	/**
	 * The documented room list.
	 *
	 * @param rooms the rooms
	 */
	record RoomList(List<RoomView> rooms) {
	}

}
