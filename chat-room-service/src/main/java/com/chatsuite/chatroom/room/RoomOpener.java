package com.chatsuite.chatroom.room;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.chatsuite.chatroom.organisation.Organisations;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.support.events.OutboxEvents;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Opens visitors' rooms. A visitor who presents the token of its active room for the same
 * organisation, user and channel gets that room back with a fresh token; anyone else gets
 * a new room, since a {@code user_id} is no secret.
 */
@Service
class RoomOpener {

	private final Rooms rooms;

	private final Organisations organisations;

	private final OutboxEvents events;

	private final Clock clock;

	RoomOpener(Rooms rooms, Organisations organisations, OutboxEvents events, Clock clock) {
		this.rooms = rooms;
		this.organisations = organisations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The visitor's room.
	 * @param request what the visitor asked for
	 * @return the room and its new token
	 */
	Mono<OpenedRoom> open(OpenRequest request) {
		return open(request, Mono.empty());
	}

	/**
	 * The visitor's room, once a check of the request that needs the organisation to be
	 * known has passed (the QR id of a public room is the organisation's).
	 * @param request what the visitor asked for
	 * @param check the check, run after the organisation's
	 * @return the room and its new token
	 */
	Mono<OpenedRoom> open(OpenRequest request, Mono<Void> check) {
		return this.organisations.requireChatEnabled(request.orgId(), "org_id")
			.then(check)
			.then(Mono.defer(() -> resume(request)))
			.switchIfEmpty(Mono.defer(() -> create(request)));
	}

	private Mono<OpenedRoom> resume(OpenRequest request) {
		if (request.presentedToken() == null) {
			return Mono.empty();
		}
		String token = RoomTokens.generate();
		return this.rooms.findByTokenHash(RoomTokens.hash(request.presentedToken()))
			.filter((room) -> room.active() && room.orgId().equals(request.orgId())
					&& room.userId().equals(request.userId()) && room.productName().equals(request.productName()))
			.flatMap((room) -> this.rooms.replaceToken(room, RoomTokens.hash(token)))
			.map((room) -> new OpenedRoom(room, token, false));
	}

	private Mono<OpenedRoom> create(OpenRequest request) {
		String token = RoomTokens.generate();
		return this.rooms.nextRoomNumber(request.orgId(), request.userId()).flatMap((number) -> {
			String id = new ObjectId().toHexString();
			Instant now = this.clock.instant();
			RoomCreated created = new RoomCreated(id, request.productName(), request.userId(), request.portfolioName(),
					null, now);
			Room room = new Room(id, eventId(now), request.orgId(), request.userId(), request.portfolioName(),
					number + "-" + request.userId(), request.productName(), request.login(), true,
					RoomTokens.hash(token), null, null, 0, "", now, null, null, null,
					List.of(this.events.of(id, request.orgId(), created)));
			return this.rooms.insert(room);
		}).map((room) -> new OpenedRoom(room, token, true));
	}

	/** The reference document's event id: {@code FB1010000000<epoch seconds>#<n>}. */
	private static String eventId(Instant now) {
		return "FB1010000000" + now.getEpochSecond() + "#" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
	}

	/**
	 * What a visitor asks for.
	 *
	 * @param orgId the organisation
	 * @param userId the visitor's user id
	 * @param portfolioName the portfolio name
	 * @param productName the channel
	 * @param login whether the visitor is signed in
	 * @param presentedToken the room token the visitor holds, or {@code null}
	 */
	record OpenRequest(String orgId, String userId, String portfolioName, String productName, boolean login,
			String presentedToken) {
	}

	/**
	 * A visitor's room.
	 *
	 * @param room the room
	 * @param token its new token
	 * @param created whether it was created now
	 */
	record OpenedRoom(Room room, String token, boolean created) {
	}

}
