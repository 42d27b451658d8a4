package com.chatsuite.chatroom.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.chatsuite.chatroom.ChatRoomIntegrationTest;
import com.chatsuite.chatroom.room.Room;
import com.chatsuite.chatroom.room.Rooms;
import com.chatsuite.chatroom.stream.LiveMessage;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting and reading messages through {@code room-service}: the documented answers, the
 * order, paging, and every refusal.
 */
@SuiteIntegrationTest
class MessagesIntegrationTests extends ChatRoomIntegrationTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private Messages messages;

	@Autowired
	private Rooms rooms;

	@Test
	void createMessageAnswersTheDocumentedSuccess() {
		VisitorRoom room = openRoom(newOrganisation());
		JsonNode body = body(visitorPost(room, Map.of("type", "create_message", "room_id", room.id(), "message_data",
				"message", "side", true, "author", "client", "message_type", "text"))
			.expectStatus()
			.isOk());
		assertThat(body.path("success").asBoolean()).isTrue();
		assertThat(body.path("message").asString()).isEqualTo("Message updated successfully");
		assertThat(body.path("response").path("isSuccess").asBoolean()).isTrue();
		assertThat(body.path("response").path("seq").asLong()).isEqualTo(1);
	}

	@Test
	void getMessagesAnswersTheRoomsMessagesInTheOrderTheyWerePosted() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		say(room, "Hello");
		agentPost(agentOf(orgId),
				Map.of("type", "create_message", "room_id", room.id(), "message_data", "Hi, how can I help?"))
			.expectStatus()
			.isOk();
		say(room, "My order is late");

		JsonNode body = body(visitorGet(room, "type=get_messages&room_id=" + room.id()).expectStatus().isOk());
		assertThat(body.path("success").asBoolean()).isTrue();
		assertThat(body.path("message").asString()).isEqualTo("Room deatils based on workspace id");
		assertThat(body.path("next_cursor").isNull()).isTrue();
		List<JsonNode> messages = body.path("response").valueStream().toList();
		assertThat(messages).extracting((message) -> message.path("message_data").asString())
			.containsExactly("Hello", "Hi, how can I help?", "My order is late");
		assertThat(messages).extracting((message) -> message.path("author").asString())
			.containsExactly("client", "agent", "client");
		assertThat(messages).extracting((message) -> message.path("side").asBoolean())
			.containsExactly(true, false, true);
		assertThat(messages).extracting((message) -> message.path("seq").asLong()).containsExactly(1L, 2L, 3L);
		JsonNode first = messages.get(0);
		for (String field : List.of("_id", "eventId", "user_id", "org_id", "portfolio_name", "room_room_id",
				"product_name", "message_data")) {
			assertThat(first.path(field).isString()).as(field).isTrue();
		}
		assertThat(first.path("is_active").isBoolean()).isTrue();
		assertThat(first.path("org_id").asString()).isEqualTo(orgId);
		assertThat(first.path("message_type").asString()).isEqualTo("text");
	}

	@Test
	void messagesArePagedWithLimitAndCursors() {
		VisitorRoom room = openRoom(newOrganisation());
		for (int i = 1; i <= 7; i++) {
			say(room, "m" + i);
		}
		JsonNode newest = body(
				visitorGet(room, "type=get_messages&limit=3&room_id=" + room.id()).expectStatus().isOk());
		assertThat(texts(newest)).containsExactly("m5", "m6", "m7");
		assertThat(newest.path("next_cursor").asLong()).isEqualTo(5);

		JsonNode older = body(
				visitorGet(room, "type=get_messages&limit=3&before=5&room_id=" + room.id()).expectStatus().isOk());
		assertThat(texts(older)).containsExactly("m2", "m3", "m4");
		JsonNode oldest = body(visitorGet(room,
				"type=get_messages&limit=3&before=" + older.path("next_cursor").asLong() + "&room_id=" + room.id())
			.expectStatus()
			.isOk());
		assertThat(texts(oldest)).containsExactly("m1");
		assertThat(oldest.path("next_cursor").isNull()).isTrue();

		JsonNode forward = body(
				visitorGet(room, "type=get_messages&limit=4&after=2&room_id=" + room.id()).expectStatus().isOk());
		assertThat(texts(forward)).containsExactly("m3", "m4", "m5", "m6");
		assertThat(forward.path("next_cursor").asLong()).isEqualTo(6);
	}

	@Test
	void badPagingIsRefusedNamingTheField() {
		VisitorRoom room = openRoom(newOrganisation());
		String base = "type=get_messages&room_id=" + room.id();
		assertRefused(visitorGet(room, base + "&limit=501").expectStatus().isBadRequest(),
				"limit must be between 1 and 500");
		assertRefused(visitorGet(room, base + "&limit=0").expectStatus().isBadRequest(), "limit must be between");
		assertRefused(visitorGet(room, base + "&limit=abc").expectStatus().isBadRequest(),
				"limit must be a whole number");
		assertRefused(visitorGet(room, base + "&before=-1").expectStatus().isBadRequest(), "before must be");
		assertRefused(visitorGet(room, base + "&before=3&after=1").expectStatus().isBadRequest(),
				"give before or after, not both");
	}

	@Test
	void mistypedOversizedOrMisattributedMessagesAreRefusedAndNotStored() {
		VisitorRoom room = openRoom(newOrganisation());
		assertRefused(post(room, Map.of("message_data", "hi", "message_type", "image")).expectStatus().isBadRequest(),
				"message_type must be text");
		assertRefused(post(room, Map.of("message_data", "x".repeat(4001))).expectStatus().isBadRequest(),
				"message_data must have between 1 and 4000 characters");
		assertRefused(post(room, Map.of("message_data", "  ")).expectStatus().isBadRequest(),
				"message_data must have between 1 and 4000 characters");
		assertRefused(post(room, Map.of("message_data", 42)).expectStatus().isBadRequest(),
				"message_data must be a string");
		assertRefused(post(room, Map.of()).expectStatus().isBadRequest(), "message_data is required");
		assertRefused(post(room, Map.of("message_data", "hi", "author", "robot")).expectStatus().isBadRequest(),
				"author must be client, agent or system");
		assertRefused(post(room, Map.of("message_data", "hi", "author", "agent")).expectStatus().isForbidden(),
				"a visitor posts as client");
		assertRefused(post(room, Map.of("message_data", "hi", "side", "left")).expectStatus().isBadRequest(),
				"side must be true or false");
		// Exactly the limit is fine, counted in characters, not bytes.
		post(room, Map.of("message_data", "é".repeat(4000))).expectStatus().isOk();
		assertThat(texts(room)).hasSize(1);
	}

	@Test
	void unknownTypesAndMissingRoomIdsAreRefused() {
		VisitorRoom room = openRoom(newOrganisation());
		assertRefused(
				visitorPost(room, Map.of("type", "drop_database", "room_id", room.id())).expectStatus().isBadRequest(),
				"type must be one of create_message, delete_room");
		assertRefused(visitorGet(room, "type=get_everything&room_id=" + room.id()).expectStatus().isBadRequest(),
				"type must be one of get_messages, get_room_by_id, delete_room");
		assertRefused(visitorGet(room, "type=get_messages").expectStatus().isBadRequest(), "room_id is required");
		assertRefused(visitorPost(room, Map.of("room_id", room.id())).expectStatus().isBadRequest(),
				"type is required");
	}

	@Test
	void aClosedRoomRefusesNewMessagesAndClosingAgainChangesNothing() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "bye");
		JsonNode closed = body(
				visitorPost(room, Map.of("type", "delete_room", "room_id", room.id(), "is_active", false))
					.expectStatus()
					.isOk());
		assertThat(closed.path("message").asString()).isEqualTo("Room deleted successfully");
		assertThat(closed.path("response").path("isSuccess").asBoolean()).isTrue();
		visitorPost(room, Map.of("type", "delete_room", "room_id", room.id(), "is_active", false)).expectStatus()
			.isOk();

		assertRefused(post(room, Map.of("message_data", "anyone?")).expectStatus().isEqualTo(409),
				"room '" + room.id() + "' is closed");
		assertThat(texts(room)).containsExactly("bye");
		JsonNode details = body(visitorGet(room, "type=get_room_by_id&room_id=" + room.id()).expectStatus().isOk());
		assertThat(details.path("response").path(0).path("is_active").asBoolean(true)).isFalse();
	}

	@Test
	void aMessageWhoseRoomClosesAfterItWasReadIsRefusedAndNotStored() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "one");
		// The room as a post read it just before another request closed it.
		Room read = this.rooms.find(room.id()).block(TIMEOUT);
		visitorPost(room, Map.of("type", "delete_room", "room_id", room.id(), "is_active", false)).expectStatus()
			.isOk();

		StepVerifier.create(this.messages.post(read, Author.CLIENT, read.userId(), "too late", null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(Rooms.ClosedException.class)
				.hasMessage("room '" + room.id() + "' is closed"))
			.verify(TIMEOUT);
		StepVerifier.create(this.messages.post(read, Author.SYSTEM, "system", "an agent joined", "event-" + room.id()))
			.expectError(Rooms.ClosedException.class)
			.verify(TIMEOUT);
		assertThat(texts(room)).containsExactly("one");
		StepVerifier.create(this.messages.range(room.id(), 1, 10).map(LiveMessage::text))
			.expectNext("one")
			.verifyComplete();

		// Closing again, from the same stale read, changes nothing.
		StepVerifier.create(this.messages.close(read, "someone", "again").map(Room::active))
			.expectNext(false)
			.verifyComplete();
		assertThat(texts(room)).containsExactly("one");
	}

	@Test
	void aCloseThatStoppedAfterItsMarkIsFinishedByTheNextPost() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "one");
		Room read = this.rooms.find(room.id()).block(TIMEOUT);
		// What a close leaves when it stops after its mark: the room still reads open.
		this.mongo
			.insert(Message.closing(room.id(), read.orgId(), 2, Instant.now(), read.userId(), "closed by the visitor"))
			.block(TIMEOUT);

		assertRefused(post(room, Map.of("message_data", "two")).expectStatus().isEqualTo(409),
				"room '" + room.id() + "' is closed");
		JsonNode details = body(visitorGet(room, "type=get_room_by_id&room_id=" + room.id()).expectStatus().isOk());
		assertThat(details.path("response").path(0).path("is_active").asBoolean(true)).isFalse();
		Room closed = this.rooms.find(room.id()).block(TIMEOUT);
		assertThat(closed.active()).isFalse();
		assertThat(closed.closedBy()).isEqualTo(read.userId());
		assertThat(texts(room)).containsExactly("one");
	}

	@Test
	void aLongHistoryIsReadInChunksInOrder() {
		VisitorRoom room = openRoom(newOrganisation());
		int count = 1234;
		Flux.range(1, count)
			.concatMap((i) -> this.rooms.find(room.id())
				.flatMap((read) -> this.messages.post(read, Author.CLIENT, read.userId(), "m" + i, null)))
			.then()
			.block(Duration.ofSeconds(120));
		StepVerifier.create(this.messages.range(room.id(), 1, Long.MAX_VALUE).map(LiveMessage::sequence).collectList())
			.assertNext((sequences) -> assertThat(sequences).hasSize(count)
				.isSorted()
				.doesNotHaveDuplicates()
				.startsWith(1L)
				.endsWith((long) count))
			.verifyComplete();
		JsonNode page = body(
				visitorGet(room, "type=get_messages&limit=500&after=600&room_id=" + room.id()).expectStatus().isOk());
		assertThat(page.path("response").size()).isEqualTo(500);
		assertThat(page.path("response").path(0).path("seq").asLong()).isEqualTo(601);
		assertThat(page.path("next_cursor").asLong()).isEqualTo(1100);
	}

	@Test
	void answersCarryingRoomTokensOrMessagesAreKeptByNoCache() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "private");
		visitorGet(room, "type=get_messages&room_id=" + room.id()).expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore());
		roomControl(Map.of("user_id", "u-" + room.id(), "org_id", newOrganisation(), "portfolio_name", "p",
				"product_name", "shop.example"), null)
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore());
	}

	@Test
	void deleteRoomAlsoComesAsTheDocumentsGetWithItsFieldsInTheQueryOrInAJsonBody() {
		VisitorRoom byQuery = openRoom(newOrganisation());
		JsonNode closed = body(
				visitorGet(byQuery, "type=delete_room&room_id=" + byQuery.id() + "&is_active=false").expectStatus()
					.isOk());
		assertThat(closed.path("message").asString()).isEqualTo("Room deleted successfully");
		assertThat(closed.path("response").path("isSuccess").asBoolean()).isTrue();
		assertRefused(post(byQuery, Map.of("message_data", "anyone?")).expectStatus().isEqualTo(409),
				"room '" + byQuery.id() + "' is closed");

		VisitorRoom byBody = openRoom(newOrganisation());
		assertRefused(getWithBody(byBody, Map.of("type", "delete_room", "room_id", byBody.id(), "is_active", true))
			.expectStatus()
			.isBadRequest(), "is_active must be false");
		JsonNode closedByBody = body(
				getWithBody(byBody, Map.of("type", "delete_room", "room_id", byBody.id(), "is_active", false))
					.expectStatus()
					.isOk());
		assertThat(closedByBody.path("message").asString()).isEqualTo("Room deleted successfully");
		JsonNode details = body(visitorGet(byBody, "type=get_room_by_id&room_id=" + byBody.id()).expectStatus().isOk());
		assertThat(details.path("response").path(0).path("is_active").asBoolean(true)).isFalse();
	}

	/** {@code GET room-service} with its fields as a JSON body, as the visitor. */
	private WebTestClient.ResponseSpec getWithBody(VisitorRoom room, Map<String, ?> fields) {
		return this.web.method(HttpMethod.GET)
			.uri("/api/v2/room-service/")
			.header("X-Room-Token", room.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(fields)
			.exchange();
	}

	@Test
	void reopeningIsNotWhatDeleteRoomDoes() {
		VisitorRoom room = openRoom(newOrganisation());
		assertRefused(
				visitorPost(room, Map.of("type", "delete_room", "room_id", room.id(), "is_active", true)).expectStatus()
					.isBadRequest(),
				"is_active must be false");
	}

	@Test
	void getRoomByIdAnswersTheDocumentedRoom() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId, "ABCD12345", "LOGOSCAN");
		say(room, "message");
		JsonNode body = body(visitorGet(room, "type=get_room_by_id&room_id=" + room.id()).expectStatus().isOk());
		assertThat(body.path("message").asString()).isEqualTo("Room deatils based on workspace id");
		JsonNode found = body.path("response").path(0);
		assertThat(found.path("_id").asString()).isEqualTo(room.id());
		assertThat(found.path("user_id").asString()).isEqualTo("ABCD12345");
		assertThat(found.path("org_id").asString()).isEqualTo(orgId);
		assertThat(found.path("portfolio_name").asString()).isEqualTo("umair");
		assertThat(found.path("room_room_id").asString()).isEqualTo("1-ABCD12345");
		assertThat(found.path("product_name").asString()).isEqualTo("LOGOSCAN");
		assertThat(found.path("message_data").asString()).isEqualTo("message");
		assertThat(found.path("is_active").asBoolean()).isTrue();
		assertThat(found.has("room_token")).as("the token is shown only when issued").isFalse();
	}

	@Test
	void formEncodedRequestsAreAcceptedToo() {
		VisitorRoom room = openRoom(newOrganisation());
		this.web.post()
			.uri("/api/v2/room-service/")
			.header("X-Room-Token", room.token())
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("type=create_message&room_id=" + room.id() + "&message_data=hello+there&side=true")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(texts(room)).containsExactly("hello there");
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(VisitorRoom room,
			Map<String, ?> fields) {
		Map<String, Object> body = new java.util.HashMap<>(fields);
		body.put("type", "create_message");
		body.put("room_id", room.id());
		return visitorPost(room, body);
	}

	private static List<String> texts(JsonNode page) {
		return page.path("response").valueStream().map((message) -> message.path("message_data").asString()).toList();
	}

}
