package com.chatsuite.suite;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A visitor and an agent chat through the running gateway only: the visitor opens a room
 * and writes; an agent of the organisation finds the room, reads and answers; the answer
 * reaches the visitor's live stream; the visitor closes the room and the stream ends.
 * Nobody else reaches the room.
 */
class ChatRoomEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private final SuiteApi api = SuiteApi.connect();

	private final WebTestClient gateway = this.api.gateway();

	@Test
	void aVisitorAndAnAgentChatUntilTheVisitorClosesTheRoom() {
		String demo = this.api.demoToken("livechat");
		String orgId = SuiteApi.orgIdOf(demo);
		String agent = this.api.agentToken(demo, this.api.newOperator(demo, "Ada"));
		String product = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

		// The organisation reaches chat-room-service through auth-service's events.
		JsonNode opened = await().atMost(WAIT)
			.until(() -> SuiteApi.body(this.gateway.post()
				.uri("/api/v2/room-control/")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("user_id", "visitor-1", "org_id", orgId, "portfolio_name", "Vera", "product_name",
						product))
				.exchange()), (answer) -> answer.path("success").asBoolean());
		String roomId = opened.path("inserted_id").asString();
		String roomToken = opened.path("response").path("room_token").asString();
		visitor(roomToken, Map.of("type", "create_message", "room_id", roomId, "message_data", "Where is my order?"))
			.expectStatus()
			.isOk();

		Flux<ServerSentEvent<String>> stream = this.gateway.get()
			.uri("/api/v2/rooms/{room}/stream?token={token}", roomId, roomToken)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> event.event() != null);

		StepVerifier.create(stream)
			.assertNext((event) -> assertThat(text(event)).isEqualTo("Where is my order?"))
			.then(() -> answerAsAgent(agent, orgId, product, roomId))
			.assertNext((event) -> {
				assertThat(text(event)).isEqualTo("It left our warehouse this morning.");
				assertThat(json(event).path("author").asString()).isEqualTo("agent");
				assertThat(event.id()).isEqualTo("2");
			})
			.then(() -> visitor(roomToken, Map.of("type", "delete_room", "room_id", roomId, "is_active", false))
				.expectStatus()
				.isOk())
			.assertNext((event) -> assertThat(event.event()).isEqualTo("closed"))
			.expectComplete()
			.verify(WAIT);

		visitor(roomToken, Map.of("type", "create_message", "room_id", roomId, "message_data", "one more thing"))
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void aVisitorOfAnotherRoomAndAnAgentOfAnotherOrganisationGet404() {
		String demo = this.api.demoToken("livechat");
		String orgId = SuiteApi.orgIdOf(demo);
		JsonNode mine = openRoom(orgId, "visitor-2");
		JsonNode other = openRoom(orgId, "visitor-3");
		String roomId = mine.path("inserted_id").asString();

		visitor(other.path("response").path("room_token").asString(),
				Map.of("type", "create_message", "room_id", roomId, "message_data", "hello neighbour"))
			.expectStatus()
			.isNotFound();
		this.gateway.get()
			.uri("/api/v2/room-service/?type=get_messages&room_id={room}", roomId)
			.header("X-Room-Token", other.path("response").path("room_token").asString())
			.exchange()
			.expectStatus()
			.isNotFound();

		String stranger = this.api.newOrganisationToken();
		String strangersAgent = this.api.agentToken(stranger, this.api.newOperator(stranger, "Mallory"));
		this.gateway.get()
			.uri("/api/v2/room-service/?type=get_messages&room_id={room}", roomId)
			.headers((headers) -> headers.setBearerAuth(strangersAgent))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false);
		this.gateway.get()
			.uri("/api/v2/room-list/?org_id={org}", orgId)
			.headers((headers) -> headers.setBearerAuth(strangersAgent))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private JsonNode openRoom(String orgId, String userId) {
		return await().atMost(WAIT)
			.until(() -> SuiteApi.body(this.gateway.post()
				.uri("/api/v2/room-control/")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("user_id", userId, "org_id", orgId, "portfolio_name", userId, "product_name",
						"shop.example"))
				.exchange()), (answer) -> answer.path("success").asBoolean());
	}

	private void answerAsAgent(String agent, String orgId, String product, String roomId) {
		JsonNode rooms = SuiteApi.body(this.gateway.get()
			.uri("/api/v2/room-list/?org_id={org}&product_name={product}", orgId, product)
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(rooms.path("rooms").valueStream().map((room) -> room.path("_id").asString())).contains(roomId);
		JsonNode messages = SuiteApi.body(this.gateway.get()
			.uri("/api/v2/room-service/?type=get_messages&room_id={room}", roomId)
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(messages.path("response").path(0).path("message_data").asString()).isEqualTo("Where is my order?");
		this.gateway.post()
			.uri("/api/v2/room-service/")
			.headers((headers) -> headers.setBearerAuth(agent))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("type", "create_message", "room_id", roomId, "message_data",
					"It left our warehouse this morning.", "author", "agent"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec visitor(String roomToken, Map<String, Object> body) {
		return this.gateway.post()
			.uri("/api/v2/room-service/")
			.header("X-Room-Token", roomToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String text(ServerSentEvent<String> event) {
		return json(event).path("message_data").asString();
	}

	private static JsonNode json(ServerSentEvent<String> event) {
		return SuiteApi.json.readTree(event.data());
	}

}
