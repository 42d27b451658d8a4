package com.chatsuite.chatroom.room;

import java.util.Map;

import com.chatsuite.chatroom.ChatRoomIntegrationTest;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rooms only their visitor and their organisation's agents reach: anyone else is told the
 * room does not exist, and changes nothing.
 */
@SuiteIntegrationTest
class RoomAccessIntegrationTests extends ChatRoomIntegrationTest {

	@Test
	void withoutAnyTokenRoomCallsAreUnauthorized() {
		VisitorRoom room = openRoom(newOrganisation());
		assertRefused(
				this.web.get()
					.uri("/api/v2/room-service/?type=get_messages&room_id=" + room.id())
					.exchange()
					.expectStatus()
					.isUnauthorized(),
				"a room token (X-Room-Token) or an agent token (Authorization: Bearer) is required");
	}

	@Test
	void theTokenIsCheckedBeforeAnythingElseOfTheRequest() {
		this.web.get().uri("/api/v2/room-service/?type=nonsense").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/api/v2/rooms/r1/stream")
			.header("Last-Event-ID", "not-a-number")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void anAuthorizationHeaderOnRoomOpeningIsVerifiedNotIgnored() {
		String orgId = newOrganisation();
		Map<String, String> request = Map.of("user_id", "u", "org_id", orgId, "portfolio_name", "p", "product_name",
				"shop.example");
		assertRefused(this.web.post()
			.uri("/api/v2/room-control/")
			.header("Authorization", "Bearer junk")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isUnauthorized(), "access token is malformed");
		this.web.post()
			.uri("/api/v2/room-control/")
			.headers((headers) -> headers.setBearerAuth(agentOf(orgId)))
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void anotherRoomsTokenReachesNothingAndChangesNothing() {
		String orgId = newOrganisation();
		VisitorRoom mine = openRoom(orgId);
		VisitorRoom theirs = openRoom(orgId);
		say(theirs, "private");
		VisitorRoom intruder = new VisitorRoom(theirs.id(), mine.token());
		assertRefused(visitorGet(intruder, "type=get_messages&room_id=" + theirs.id()).expectStatus().isNotFound(),
				"room '" + theirs.id() + "' not found");
		visitorGet(intruder, "type=get_room_by_id&room_id=" + theirs.id()).expectStatus().isNotFound();
		visitorPost(intruder, Map.of("type", "create_message", "room_id", theirs.id(), "message_data", "boo"))
			.expectStatus()
			.isNotFound();
		visitorPost(intruder, Map.of("type", "delete_room", "room_id", theirs.id())).expectStatus().isNotFound();
		assertThat(texts(theirs)).containsExactly("private");
		say(theirs, "still open");
	}

	@Test
	void aMadeUpTokenOrRoomIdIsNotFound() {
		VisitorRoom room = openRoom(newOrganisation());
		visitorGet(new VisitorRoom(room.id(), "made-up"), "type=get_messages&room_id=" + room.id()).expectStatus()
			.isNotFound();
		visitorGet(room, "type=get_messages&room_id=000000000000000000000000").expectStatus().isNotFound();
	}

	@Test
	void agentsReachEveryRoomOfTheirOrganisationAndAnswerAsAgent() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		say(room, "hello?");
		String agent = agentOf(orgId);
		agentPost(agent,
				Map.of("type", "create_message", "room_id", room.id(), "message_data", "Hi!", "author", "agent"))
			.expectStatus()
			.isOk();
		JsonNode messages = body(agentGet(agent, "type=get_messages&room_id=" + room.id()).expectStatus().isOk());
		assertThat(messages.path("response").path(1).path("author").asString()).isEqualTo("agent");
		assertRefused(agentPost(agent,
				Map.of("type", "create_message", "room_id", room.id(), "message_data", "x", "author", "client"))
			.expectStatus()
			.isForbidden(), "an agent posts as agent or system");
	}

	@Test
	void agentsOfAnotherOrganisationReachNothing() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		String stranger = agentOf(newOrganisation());
		assertRefused(agentGet(stranger, "type=get_messages&room_id=" + room.id()).expectStatus().isNotFound(),
				"room '" + room.id() + "' not found");
		agentPost(stranger, Map.of("type", "create_message", "room_id", room.id(), "message_data", "phish"))
			.expectStatus()
			.isNotFound();
		agentPost(stranger, Map.of("type", "delete_room", "room_id", room.id())).expectStatus().isNotFound();
		assertRefused(this.web.get()
			.uri("/api/v2/room-list/?org_id=" + orgId)
			.headers((headers) -> headers.setBearerAuth(stranger))
			.exchange()
			.expectStatus()
			.isNotFound(), "organisation '" + orgId + "' not found");
		this.web.post()
			.uri("/api/v2/get_QR_Id/{org}/", orgId)
			.headers((headers) -> headers.setBearerAuth(stranger))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(texts(room)).isEmpty();
	}

	@Test
	void aTokenOfAnotherKindOrAForgedOneIsUnauthorized() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		String addonToken = TestTokens.shared().addon(orgId, "livechat");
		assertRefused(agentGet(addonToken, "type=get_messages&room_id=" + room.id()).expectStatus().isUnauthorized(),
				"wrong kind of token");
		agentGet("forged", "type=get_messages&room_id=" + room.id()).expectStatus().isUnauthorized();
		// An Authorization header is never ignored in favour of a room token.
		this.web.get()
			.uri("/api/v2/room-service/?type=get_messages&room_id=" + room.id())
			.header("X-Room-Token", room.token())
			.header("Authorization", "Bearer forged")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void roomListAnswersTheOrganisationsRoomsNewestFirst() {
		String orgId = newOrganisation();
		VisitorRoom older = openRoom(orgId, "u1", "WORKFLOWAI");
		VisitorRoom newer = openRoom(orgId, "u2", "WORKFLOWAI");
		openRoom(orgId, "u3", "OTHER");
		openRoom(newOrganisation(), "u4", "WORKFLOWAI");
		String agent = agentOf(orgId);
		JsonNode body = body(this.web.get()
			.uri("/api/v2/room-list/?org_id=" + orgId + "&product_name=WORKFLOWAI")
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(body.properties().stream().map(Map.Entry::getKey)).containsExactly("rooms");
		assertThat(body.path("rooms").valueStream().map((room) -> room.path("_id").asString()))
			.containsExactly(newer.id(), older.id());
		assertThat(body.path("rooms").path(0).has("room_token")).isFalse();
		JsonNode all = body(this.web.get()
			.uri("/api/v2/room-list/?org_id=" + orgId)
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(all.path("rooms").size()).isEqualTo(3);
	}

	@Test
	void roomListNeedsAnAgent() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		this.web.get()
			.uri("/api/v2/room-list/?org_id=" + orgId)
			.header("X-Room-Token", room.token())
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
