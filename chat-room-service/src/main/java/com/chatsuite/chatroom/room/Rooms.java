package com.chatsuite.chatroom.room;

import java.time.Clock;
import java.time.Instant;

import com.chatsuite.chatroom.stream.RoomHub;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds rooms and stores their changes, for every feature. Every lookup that can come
 * from a caller is by id or by token hash (unique indexes).
 */
@Component
public class Rooms {

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final RoomHub hub;

	private final Clock clock;

	Rooms(ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events, RoomHub hub, Clock clock) {
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.hub = hub;
		this.clock = clock;
	}

	/**
	 * A room by id.
	 * @param roomId the id
	 * @return the room, empty when none
	 */
	public Mono<Room> find(String roomId) {
		return this.mongo.findById(roomId, Room.class);
	}

	Mono<Room> findByTokenHash(String tokenHash) {
		return this.mongo.findOne(Query.query(Criteria.where("tokenHash").is(tokenHash)), Room.class);
	}

	Mono<Room> insert(Room room) {
		return this.writes.insert(room);
	}

	/**
	 * Replaces a room's token, if it is still the one presented.
	 * @return the room after the change, empty when another request replaced it first
	 */
	Mono<Room> replaceToken(Room room, String newTokenHash) {
		Query current = Query.query(Criteria.where("_id").is(room.id()).and("tokenHash").is(room.tokenHash()));
		return this.mongo.findAndModify(current, Update.update("tokenHash", newTokenHash),
				FindAndModifyOptions.options().returnNew(true), Room.class);
	}

	/**
	 * The next number of a visitor's rooms in an organisation, for {@code room_room_id}.
	 */
	Mono<Long> nextRoomNumber(String orgId, String userId) {
		Query counter = Query.query(Criteria.where("_id").is(orgId + "/" + userId));
		return this.mongo.findAndModify(counter, new Update().inc("n", 1L),
				FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, "room_numbers")
			.map((document) -> ((Number) document.get("n")).longValue());
	}

	/**
	 * An organisation's rooms, newest first.
	 * @param orgId the organisation
	 * @param productName only the rooms of this channel, or every room when {@code null}
	 * @param limit the most to answer
	 * @return the rooms
	 */
	public Flux<Room> ofOrganisation(String orgId, String productName, int limit) {
		Criteria criteria = Criteria.where("orgId").is(orgId);
		if (productName != null) {
			criteria = criteria.and("productName").is(productName);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
				Room.class);
	}

	/**
	 * The open rooms of an organisation.
	 * @param orgId the organisation
	 * @return its rooms that accept messages
	 */
	public Flux<Room> openOf(String orgId) {
		return this.mongo.find(Query.query(Criteria.where("orgId").is(orgId).and("active").is(true)), Room.class);
	}

	/**
	 * Records that messages up to a number were posted, and the last one's text.
	 * @param roomId the room
	 * @param sequence the number of the message just posted
	 * @param text its text
	 * @return completes when recorded
	 */
	public Mono<Void> advance(String roomId, long sequence, String text) {
		// By id alone, so even the embedded store finds the room through its index; two
		// messages posted at the same moment may leave the other's text as the last one.
		Update update = new Update().max("lastSequence", sequence).set("lastMessage", text);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(roomId)), update, Room.class).then();
	}

	/**
	 * Records the agent now holding the room's ticket.
	 * @param roomId the room
	 * @param agentId the agent
	 * @param agentName the agent's name
	 * @return the room, empty when unknown
	 */
	public Mono<Room> assign(String roomId, String agentId, String agentName) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(roomId)),
				Update.update("agentId", agentId).set("agentName", agentName),
				FindAndModifyOptions.options().returnNew(true), Room.class);
	}

	/**
	 * Closes a room, announcing it with {@code room-closed}; closing a closed room
	 * changes nothing. Messages posted meanwhile are refused only when the room's closing
	 * mark was stored first: close rooms through {@code Messages.close}.
	 * @param room the room as read
	 * @param closedBy who closes it
	 * @param reason why
	 * @return the room after the change
	 */
	public Mono<Room> close(Room room, String closedBy, String reason) {
		Mono<Room> step = Mono.defer(() -> find(room.id())).flatMap((current) -> {
			if (!current.active()) {
				return Mono.just(current);
			}
			Instant now = this.clock.instant();
			RoomClosed closed = new RoomClosed(current.id(), closedBy, reason, now);
			Update update = Update.update("active", false).set("closedAt", now).set("closedBy", closedBy);
			return this.writes
				.update(Room.class, current.id(), current.version(), update,
						this.events.of(current.id(), current.orgId(), closed))
				.doOnNext((changed) -> this.hub.closed(changed.id()));
		});
		return ConcurrentChange.retrying(step, "room_id");
	}

	/**
	 * A room that must accept messages.
	 * @param room the room
	 * @return the room; 409 when it is closed
	 */
	public static Mono<Room> requireActive(Room room) {
		if (!room.active()) {
			return Mono.error(closed(room.id()));
		}
		return Mono.just(room);
	}

	/**
	 * The refusal of a closed room.
	 * @param roomId the room
	 * @return a 409 naming {@code room_id}
	 */
	public static ApiException closed(String roomId) {
		return new ClosedException(roomId);
	}

	/** A 409: the room is closed. */
	public static final class ClosedException extends ApiException {

		ClosedException(String roomId) {
			super(HttpStatus.CONFLICT, "room '" + roomId + "' is closed", "room_id");
		}

	}

}
