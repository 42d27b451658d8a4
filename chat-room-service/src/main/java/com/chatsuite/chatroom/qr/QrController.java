package com.chatsuite.chatroom.qr;

import java.util.List;

import com.chatsuite.chatroom.ChatRoomProperties;
import com.chatsuite.chatroom.access.RoomAccess;
import com.chatsuite.contracts.api.ChatRoomApiResponse;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The server side's QR ids: an agent lists and creates the QR ids of its organisation.
 */
@RestController
class QrController {

	private final QrIds qrIds;

	private final RoomAccess access;

	private final ChatRoomProperties properties;

	QrController(QrIds qrIds, RoomAccess access, ChatRoomProperties properties) {
		this.qrIds = qrIds;
		this.access = access;
		this.properties = properties;
	}

	@PostMapping("/api/v2/get_QR_Id/{orgId}/")
	Mono<QrIdList> list(@PathVariable String orgId, ServerWebExchange exchange) {
		return this.access.agent(exchange)
			.flatMap((agent) -> RoomAccess.requireOwnOrganisation(agent, orgId, "org_id"))
			.then(this.qrIds.of(orgId).collectList())
			.map(QrIdList::new);
	}

	@PostMapping("/api/v2/qr-ids/{orgId}/")
	Mono<ChatRoomApiResponse<QrIdList>> create(@PathVariable String orgId, ServerWebExchange exchange) {
		return this.access.agent(exchange)
			.flatMap((agent) -> RoomAccess.requireOwnOrganisation(agent, orgId, "org_id"))
			.then(RequestFields.read(exchange))
			.map(this::count)
			.flatMap((count) -> this.qrIds.create(orgId, count).collectList())
			.map((ids) -> ChatRoomApiResponse.ok("QR ids created successfully", new QrIdList(ids)));
	}

	private int count(RequestFields fields) {
		Integer count = fields.optionalInteger("count");
		int max = this.properties.qrIds().maxCount();
		if (count == null) {
			return 1;
		}
		if (count < 1 || count > max) {
			throw ApiException.badRequest("count", "count must be between 1 and " + max);
		}
		return count;
	}

	/**
	 * QR ids, as the reference document lists them.
	 *
	 * @param ids the ids
	 */
	record QrIdList(@JsonProperty("qr_id_list") List<String> ids) {
	}

}
