package com.chatsuite.chatroom.message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;

import com.chatsuite.chatroom.room.Room;
import com.chatsuite.chatroom.room.Rooms;
import com.chatsuite.chatroom.stream.LiveMessage;
import com.chatsuite.chatroom.stream.RoomHub;
import com.chatsuite.chatroom.stream.RoomStreams;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Posts and reads rooms' messages.
 * <p>
 * A message takes the lowest free number above the room's last known one: its id
 * {@code <room>:<number>} is unique, so of two messages posted at once one takes the
 * number and the other the next. A number is therefore taken only once every lower number
 * is, and a reader that sees number {@code n} finds every message below it.
 */
@Component
public class Messages implements RoomStreams.MessageSource {

	/** How many taken numbers a post skips before it gives up (a room gone wild). */
	private static final int MAX_PROBES = 1000;

	/** How many messages one read of a range asks for at most. */
	private static final int CHUNK = 500;

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Rooms rooms;

	private final RoomHub hub;

	private final Clock clock;

	Messages(ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events, Rooms rooms, RoomHub hub,
			Clock clock) {
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.rooms = rooms;
		this.hub = hub;
		this.clock = clock;
	}

	/**
	 * Posts a message in a room that accepts messages.
	 * @param room the room as read
	 * @param author who wrote it
	 * @param senderId the writer's id
	 * @param text the text
	 * @param origin the event a system message answers, or {@code null}
	 * @return the stored message (for a repeated origin, the message posted the first
	 * time); 409 when the room is closed, even if it closed after it was read
	 */
	public Mono<LiveMessage> post(Room room, Author author, String senderId, String text, String origin) {
		return Rooms.requireActive(room).then(Mono.defer(() -> take(room, room.lastSequence() + 1, (sequence) -> {
			Instant now = this.clock.instant();
			String id = Message.id(room.id(), sequence);
			MessagePosted posted = new MessagePosted(room.id(), id, sequence, author.senderType(), senderId, text, now);
			return new Message(id, room.id(), room.orgId(), sequence, text, author.value(), senderId, origin, now,
					List.of(this.events.of(room.id(), room.orgId(), posted)));
		}, 0)))
			.flatMap((message) -> this.rooms.advance(room.id(), message.sequence(), message.text()).thenReturn(message))
			.map(Messages::live)
			.doOnNext(this.hub::published);
	}

	/**
	 * Closes a room: first its closing mark takes the next free number, so that a message
	 * posted meanwhile either comes before it or is refused; then the room is closed and
	 * {@code room-closed} announced. Closing a closed room changes nothing.
	 * @param room the room as read
	 * @param closedBy who closes it
	 * @param reason why
	 * @return the room after the change
	 */
	public Mono<Room> close(Room room, String closedBy, String reason) {
		Mono<Message> mark = Mono.defer(() -> room.active() ? take(room, room.lastSequence() + 1, (sequence) -> Message
			.closing(room.id(), room.orgId(), sequence, this.clock.instant(), closedBy, reason), 0) : Mono.empty());
		return mark.then(this.rooms.close(room, closedBy, reason));
	}

	/**
	 * Stores a message, or a closing mark, on the lowest free number from
	 * {@code sequence} on; a message meets the room's closing mark there at the latest.
	 */
	private Mono<Message> take(Room room, long sequence, LongFunction<Message> numbered, int probes) {
		if (probes >= MAX_PROBES) {
			return Mono.error(ApiException.conflict("room_id", "room '" + room.id() + "' is too busy; try again"));
		}
		Message message = numbered.apply(sequence);
		Mono<Message> next = Mono.defer(() -> take(room, sequence + 1, numbered, probes + 1));
		return this.writes.insert(message)
			// An insert whose outcome was unknown answers what holds its number: this
			// message, or another that took the number first.
			.flatMap((found) -> found.sameAs(message) ? Mono.just(found) : taken(room, message, found, next))
			.onErrorResume(DuplicateKeyException.class, (ex) -> {
				Mono<Message> onward = this.mongo.findById(message.id(), Message.class)
					.flatMap((found) -> taken(room, message, found, next))
					.switchIfEmpty(next);
				return (message.origin() != null) ? byOrigin(message.origin()).switchIfEmpty(onward) : onward;
			});
	}

	/**
	 * The number is another's: a message that meets the room's closing mark is refused,
	 * after finishing the close if it stopped half-way (the mark stored, the room not yet
	 * closed); otherwise the next number is tried.
	 */
	private Mono<Message> taken(Room room, Message message, Message holder, Mono<Message> next) {
		if (!holder.closes() || message.closes()) {
			return next;
		}
		Mono<Room> finished = this.rooms.find(room.id())
			.filter(Room::active)
			.flatMap((open) -> this.rooms.close(open, holder.senderId(), holder.text()))
			// The post is refused all the same; a later one tries again.
			.onErrorResume((ex) -> Mono.empty());
		return finished.then(closed(room));
	}

	private static Mono<Message> closed(Room room) {
		return Mono.error(Rooms.closed(room.id()));
	}

	private Mono<Message> byOrigin(String origin) {
		return this.mongo.findOne(Query.query(Criteria.where("origin").is(origin)), Message.class);
	}

	/**
	 * A room's messages numbered within a range, in order.
	 * @param roomId the room
	 * @param from the first number
	 * @param to the last number
	 * @return the messages found
	 */
	@Override
	public Mono<Room> current(Room room) {
		return this.rooms.find(room.id()).defaultIfEmpty(room);
	}

	@Override
	public Flux<LiveMessage> range(String roomId, long from, long to) {
		return find(roomId, from, to).map(Messages::live);
	}

	/**
	 * A page of a room's messages, oldest first.
	 * @param room the room
	 * @param page which page
	 * @return the messages and the cursor of the next page
	 */
	Mono<MessagePage> page(Room room, PageRequest page) {
		long last = room.lastSequence();
		long from;
		long to;
		if (page.after() != null) {
			from = page.after() + 1;
			to = Math.min(last, page.after() + page.limit());
		}
		else {
			to = (page.before() != null) ? Math.min(last, page.before() - 1) : last;
			from = Math.max(1, to - page.limit() + 1);
		}
		boolean more = (page.after() != null) ? to < last : from > 1;
		Long cursor = (from > to || !more) ? null : (page.after() != null) ? to : from;
		return find(room.id(), from, to).collectList().map((messages) -> new MessagePage(messages, cursor));
	}

	private Flux<Message> find(String roomId, long from, long to) {
		// A chunk at a time, each read when the one before is sent: a long range (a whole
		// room's history) never sits in memory at once. Numbers are taken in order, so
		// a chunk that is not full is the last that holds messages.
		return chunk(roomId, Math.max(1, from), to)
			.expand((chunk) -> (chunk.next() > 0) ? chunk(roomId, chunk.next(), to) : Mono.empty())
			.concatMapIterable(Chunk::messages);
	}

	private Mono<Chunk> chunk(String roomId, long from, long to) {
		if (from > to) {
			return Mono.just(new Chunk(List.of(), 0));
		}
		long end = (to - from < CHUNK) ? to : from + CHUNK - 1;
		List<String> ids = new ArrayList<>();
		for (long sequence = from; sequence <= end; sequence++) {
			ids.add(Message.id(roomId, sequence));
		}
		// By ids: one index lookup each, even in the embedded store.
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Message.class)
			.filter((message) -> !message.closes())
			.sort(Comparator.comparingLong(Message::sequence))
			.collectList()
			.map((found) -> new Chunk(found, (end < to && found.size() == ids.size()) ? end + 1 : 0));
	}

	/**
	 * Messages read in one go.
	 *
	 * @param messages the messages, in order
	 * @param next the first number of the next chunk, 0 when there is none
	 */
	private record Chunk(List<Message> messages, long next) {
	}

	private static LiveMessage live(Message message) {
		return new LiveMessage(message.roomId(), message.id(), message.sequence(), message.text(), message.author(),
				message.createdAt());
	}

	/**
	 * Which page of messages.
	 *
	 * @param limit how many at most
	 * @param before only messages numbered below this
	 * @param after only messages numbered above this
	 */
	record PageRequest(int limit, Long before, Long after) {
	}

	/**
	 * A page of messages.
	 *
	 * @param messages the messages, oldest first
	 * @param nextCursor the number to pass as {@code after} (when paging forwards) or
	 * {@code before} (otherwise) for the next page, {@code null} at the end
	 */
	record MessagePage(List<Message> messages, Long nextCursor) {
	}

}
