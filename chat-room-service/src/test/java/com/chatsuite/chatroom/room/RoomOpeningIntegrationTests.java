package com.chatsuite.chatroom.room;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.chatroom.ChatRoomIntegrationTest;
import com.chatsuite.contracts.events.auth.AddonRemoved;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor side's room opening: the reference document's answers field for field, the
 * room token, and every refusal.
 */
@SuiteIntegrationTest
class RoomOpeningIntegrationTests extends ChatRoomIntegrationTest {

	@Test
	void roomControlAnswersTheDocumentedRoomWithItsToken() {
		String orgId = newOrganisation();
		WebTestClient.ResponseSpec response = roomControl(Map.of("user_id", "ABCD12345", "org_id", orgId,
				"portfolio_name", "umair", "product_name", "WIFIQRCODE"), null)
			.expectStatus()
			.isOk();
		String headerToken = response.returnResult(byte[].class).getResponseHeaders().getFirst("X-Room-Token");
		JsonNode body = body(response);
		assertThat(body.properties().stream().map(Map.Entry::getKey)).containsExactly("success", "message",
				"inserted_id", "response");
		assertThat(body.path("success").asBoolean()).isTrue();
		assertThat(body.path("message").asString()).isEqualTo("Room filter successfully");
		JsonNode room = body.path("response");
		assertThat(room.path("_id").asString()).matches("[0-9a-f]{24}").isEqualTo(body.path("inserted_id").asString());
		assertThat(room.path("eventId").asString()).matches("FB1010000000\\d{10}#\\d{7}");
		assertThat(room.path("user_id").asString()).isEqualTo("ABCD12345");
		assertThat(room.path("org_id").asString()).isEqualTo(orgId);
		assertThat(room.path("portfolio_name").asString()).isEqualTo("umair");
		assertThat(room.path("room_room_id").asString()).isEqualTo("1-ABCD12345");
		assertThat(room.path("product_name").asString()).isEqualTo("WIFIQRCODE");
		assertThat(room.path("message_data").isString()).isTrue();
		assertThat(room.path("is_active").isBoolean()).isTrue();
		assertThat(room.path("is_active").asBoolean()).isTrue();
		assertThat(room.path("room_token").asString()).hasSize(43).isEqualTo(headerToken);
		assertThat(room.has("isLogin")).isFalse();
	}

	@Test
	void theSameVisitorGetsItsRoomBackOnlyWithItsTokenAndThenAFreshOne() {
		String orgId = newOrganisation();
		Map<String, String> request = Map.of("user_id", "u-1", "org_id", orgId, "portfolio_name", "p", "product_name",
				"shop.example");
		JsonNode first = body(roomControl(request, null).expectStatus().isOk());
		String roomId = first.path("inserted_id").asString();
		String token = first.path("response").path("room_token").asString();

		JsonNode resumed = body(roomControl(request, token).expectStatus().isOk());
		assertThat(resumed.path("inserted_id").asString()).isEqualTo(roomId);
		String fresh = resumed.path("response").path("room_token").asString();
		assertThat(fresh).isNotEqualTo(token);
		// The old token is no longer the room's.
		visitorGet(new VisitorRoom(roomId, token), "type=get_room_by_id&room_id=" + roomId).expectStatus().isNotFound();
		visitorGet(new VisitorRoom(roomId, fresh), "type=get_room_by_id&room_id=" + roomId).expectStatus().isOk();

		// Knowing the user id is not enough: without the token, a new room.
		JsonNode other = body(roomControl(request, null).expectStatus().isOk());
		assertThat(other.path("inserted_id").asString()).isNotEqualTo(roomId);
		assertThat(other.path("response").path("room_room_id").asString()).isEqualTo("2-u-1");
	}

	@Test
	void openChatRoomFindsTheOrganisationThatRegisteredTheWebsite() {
		String orgId = newOrganisation();
		String website = "shop-" + UUID.randomUUID() + ".example";
		publish(orgId, "dom-" + UUID.randomUUID(),
				new DomainCreated("dom-1", website, "web@" + website, "livechat", true));
		JsonNode body = eventually().until(
				() -> body(openChatRoom(Map.of("user_id", "ABCD12345", "product_name", website))),
				(answer) -> answer.path("success").asBoolean());
		assertThat(body.path("message").asString()).isEqualTo("Room filter successfully");
		assertThat(body.path("response").path("org_id").asString()).isEqualTo(orgId);
		assertThat(body.path("response").path("product_name").asString()).isEqualTo(website);
		assertThat(body.path("response").path("user_id").asString()).isEqualTo("ABCD12345");
	}

	@Test
	void openChatRoomFindsAWebsiteOlderThanTheTopicFromItsAnnouncement() {
		String orgId = newOrganisation();
		String website = "old-" + UUID.randomUUID() + ".example";
		String domainId = "dom-" + UUID.randomUUID();
		publish(orgId, domainId, new DomainAnnounced(domainId, website, "web@" + website, "livechat", true, List.of(),
				null, Instant.now()));
		JsonNode body = eventually().until(
				() -> body(openChatRoom(Map.of("user_id", "ABCD12345", "product_name", website))),
				(answer) -> answer.path("success").asBoolean());
		assertThat(body.path("response").path("org_id").asString()).isEqualTo(orgId);
	}

	@Test
	void openChatRoomOfAnUnknownWebsiteIsNotFound() {
		assertRefused(
				openChatRoom(Map.of("user_id", "u", "product_name", "nobody.example")).expectStatus().isNotFound(),
				"product_name 'nobody.example' is not a website registered for chat");
	}

	@Test
	void loginAnswersTheDocumentedSignedInRoomWithTheGreeting() {
		String orgId = newOrganisation();
		JsonNode body = body(visitorCall("/api/v2/login/",
				Map.of("user_id", "13-3700b6", "org_id", orgId, "product_name", "WIFIQRCODE"))
			.expectStatus()
			.isOk());
		assertThat(body.path("message").asString()).isEqualTo("Room created successfully");
		JsonNode room = body.path("response");
		assertThat(room.path("eventId").asString()).startsWith("FB1010000000");
		assertThat(room.path("user_id").asString()).isEqualTo("13-3700b6");
		assertThat(room.path("org_id").asString()).isEqualTo(orgId);
		assertThat(room.path("portfolio_name").asString()).isEqualTo("WIFIQRCODE13-3700b6");
		assertThat(room.path("product_name").asString()).isEqualTo("WIFIQRCODE");
		assertThat(room.path("message").path("receiver").asString()).isEqualTo("How may I help you");
		assertThat(room.path("isLogin").asBoolean()).isTrue();
		assertThat(room.path("is_active").asBoolean()).isTrue();
		assertThat(room.path("room_id").asString()).isEqualTo(body.path("inserted_id").asString());
	}

	@Test
	void extensionAnswersTheDocumentedRoomWithTheGreeting() {
		String orgId = newOrganisation();
		JsonNode body = body(visitorCall("/api/v2/extension/", Map.of("user_id", "ABCD12345", "org_id", orgId,
				"portfolio_name", "umair", "product_name", "WIFIQRCODE"))
			.expectStatus()
			.isOk());
		assertThat(body.path("message").asString()).isEqualTo("Room filter successfully");
		JsonNode room = body.path("response");
		assertThat(room.path("_id").asString()).isEqualTo(body.path("inserted_id").asString());
		assertThat(room.path("portfolio_name").asString()).isEqualTo("umair");
		assertThat(room.path("message").path("receiver").asString()).isEqualTo("How may I help you");
		assertThat(room.path("isLogin").asBoolean()).isTrue();
		assertThat(room.has("room_id")).isFalse();
	}

	@Test
	void initOpensTheQrCodesPublicRoom() {
		String orgId = newOrganisation();
		String agent = agentOf(orgId);
		String qrId = body(this.web.post()
			.uri("/api/v2/qr-ids/{org}/", orgId)
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk()).path("response").path("qr_id_list").path(0).asString();

		JsonNode body = body(this.web.get()
			.uri("/api/v2/init/{org}/WORKFLOWAI/{qr}/", orgId, qrId)
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(body.properties().stream().map(Map.Entry::getKey)).containsExactly("room");
		JsonNode answer = body.path("room");
		assertThat(answer.path("success").asBoolean()).isTrue();
		assertThat(answer.path("message").asString()).isEqualTo("Room created successfully");
		JsonNode room = answer.path("response");
		assertThat(room.path("user_id").asString()).isEqualTo(qrId);
		assertThat(room.path("portfolio_name").asString()).isEqualTo(qrId);
		assertThat(room.path("room_room_id").asString()).isEqualTo("1-" + qrId);
		assertThat(room.path("product_name").asString()).isEqualTo("WORKFLOWAI");
		assertThat(room.path("message").path("receiver").asString()).isEqualTo("How may I help you");
		assertThat(room.path("isLogin").asBoolean(true)).isFalse();
		assertThat(room.path("is_active").asBoolean()).isTrue();
		assertThat(answer.path("inserted_id").asString()).isEqualTo(room.path("_id").asString());
	}

	@Test
	void initWithAQrIdTheOrganisationDoesNotOwnIsNotFound() {
		String orgId = newOrganisation();
		String stranger = newOrganisation();
		String theirs = body(this.web.post()
			.uri("/api/v2/qr-ids/{org}/", stranger)
			.headers((headers) -> headers.setBearerAuth(agentOf(stranger)))
			.exchange()
			.expectStatus()
			.isOk()).path("response").path("qr_id_list").path(0).asString();
		assertRefused(this.web.get()
			.uri("/api/v2/init/{org}/SHOP/{qr}/", orgId, theirs)
			.exchange()
			.expectStatus()
			.isNotFound(), "QR id '" + theirs + "' is not one of organisation '" + orgId + "'");
		assertRefused(this.web.get()
			.uri("/api/v2/init/{org}/SHOP/UNKNOWN12345/", orgId)
			.exchange()
			.expectStatus()
			.isNotFound(), "QR id 'UNKNOWN12345'");
	}

	@Test
	void roomsOfUnknownDisabledOrChatlessOrganisationsAreRefused() {
		assertRefused(roomControl(room("org-never-heard-of"), null).expectStatus().isNotFound(),
				"organisation 'org-never-heard-of' does not exist");

		String disabled = newOrganisation();
		publish(disabled, disabled, new OrganisationDisabled(disabled, "sub", Instant.now()));
		eventually().until(() -> roomControl(room(disabled), null).expectBody().returnResult().getStatus().value(),
				(status) -> status == 403);
		assertRefused(roomControl(room(disabled), null).expectStatus().isForbidden(), "is disabled");

		String partnerOnly = newOrganisation(List.of("partner"));
		assertRefused(roomControl(room(partnerOnly), null).expectStatus().isForbidden(),
				"has not installed livechat or seller_buyer_chat_system");

		String removed = newOrganisation();
		publish(removed, removed, new AddonRemoved(removed, "livechat", Instant.now()));
		eventually().until(() -> roomControl(room(removed), null).expectBody().returnResult().getStatus().value(),
				(status) -> status == 403);
	}

	@Test
	void anOrganisationOlderThanTheTopicIsLearntFromItsAnnouncementWhoseAddonsReplaceThoseKnown() {
		// Created before the topic's retention: its only event left is an announcement.
		String older = "org-" + UUID.randomUUID();
		assertRefused(roomControl(room(older), null).expectStatus().isNotFound(), "does not exist");
		publish(older, older, new OrganisationAnnounced(older, "sub-" + older.substring(4, 12),
				List.of("livechat", "partner"), Instant.now()));
		eventually().until(() -> roomControl(room(older), null).expectBody().returnResult().getStatus().value(),
				(status) -> status == 200);
		VisitorRoom open = openRoom(older);

		// A later announcement without a chat addon: its removal was missed, the rooms
		// close.
		publish(older, older,
				new OrganisationAnnounced(older, "sub-" + older.substring(4, 12), List.of("partner"), Instant.now()));
		eventually()
			.until(() -> !body(visitorGet(open, "type=get_room_by_id&room_id=" + open.id()).expectStatus().isOk())
				.path("response")
				.path(0)
				.path("is_active")
				.asBoolean(true));
		assertRefused(roomControl(room(older), null).expectStatus().isForbidden(),
				"has not installed livechat or seller_buyer_chat_system");
	}

	@Test
	void theOpenRoomsOfAnOrganisationThatMayNoLongerChatAreClosed() {
		String disabled = newOrganisation();
		VisitorRoom disabledRoom = openRoom(disabled);
		String withoutChat = newOrganisation();
		VisitorRoom withoutChatRoom = openRoom(withoutChat);
		String stillChatting = newOrganisation(List.of("livechat", "seller_buyer_chat_system"));
		VisitorRoom stillChattingRoom = openRoom(stillChatting);

		publish(disabled, disabled, new OrganisationDisabled(disabled, "sub", Instant.now()));
		publish(withoutChat, withoutChat, new AddonRemoved(withoutChat, "livechat", Instant.now()));
		publish(stillChatting, stillChatting, new AddonRemoved(stillChatting, "livechat", Instant.now()));

		for (VisitorRoom closed : List.of(disabledRoom, withoutChatRoom)) {
			eventually().until(
					() -> !body(visitorGet(closed, "type=get_room_by_id&room_id=" + closed.id()).expectStatus().isOk())
						.path("response")
						.path(0)
						.path("is_active")
						.asBoolean(true));
			assertRefused(visitorPost(closed, Map.of("type", "create_message", "room_id", closed.id(), "message_data",
					"anyone?", "message_type", "text"))
				.expectStatus()
				.isEqualTo(409), "is closed");
		}
		// The other chat addon is still installed: its rooms stay open.
		eventually().until(() -> !this.mongo.findById(stillChatting, Document.class, "organisations")
			.block(Duration.ofSeconds(5))
			.getList("addons", String.class)
			.contains("livechat"));
		say(stillChattingRoom, "still here");
		assertThat(body(
				visitorGet(stillChattingRoom, "type=get_room_by_id&room_id=" + stillChattingRoom.id()).expectStatus()
					.isOk())
			.path("response")
			.path(0)
			.path("is_active")
			.asBoolean()).isTrue();
	}

	@Test
	void missingOversizedOrMistypedFieldsAreRefusedNamingTheField() {
		String orgId = newOrganisation();
		assertRefused(
				roomControl(Map.of("org_id", orgId, "portfolio_name", "p", "product_name", "s"), null).expectStatus()
					.isBadRequest(),
				"user_id is required");
		assertRefused(roomControl(
				Map.of("user_id", "x".repeat(201), "org_id", orgId, "portfolio_name", "p", "product_name", "s"), null)
			.expectStatus()
			.isBadRequest(), "user_id must be at most 200 characters");
		assertRefused(roomControl(
				Map.of("user_id", List.of("a"), "org_id", orgId, "portfolio_name", "p", "product_name", "s"), null)
			.expectStatus()
			.isBadRequest(), "user_id must be a string");
		assertRefused(this.web.post()
			.uri("/api/v2/room-control/")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"user_id\": ")
			.exchange()
			.expectStatus()
			.isBadRequest(), "not valid JSON");
		assertRefused(this.web.post()
			.uri("/api/v2/room-control/")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415), "not supported");
	}

	private static Map<String, String> room(String orgId) {
		return Map.of("user_id", "u", "org_id", orgId, "portfolio_name", "p", "product_name", "shop.example");
	}

	private WebTestClient.ResponseSpec openChatRoom(Map<String, ?> body) {
		return visitorCall("/api/v2/openChatRoom/", body);
	}

	private WebTestClient.ResponseSpec visitorCall(String path, Map<String, ?> body) {
		return this.web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
