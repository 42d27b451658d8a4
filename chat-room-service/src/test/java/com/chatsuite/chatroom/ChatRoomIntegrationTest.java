package com.chatsuite.chatroom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.auth.OrganisationCreated;
import com.chatsuite.testsupport.TestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionFactory;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the integration tests of chat-room-service share: organisations announced as
 * auth-service would, visitors and agents calling the API, other services' events. Every
 * test works in organisations of its own.
 */
public abstract class ChatRoomIntegrationTest {

	protected static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected EventJson events;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@DynamicPropertySource
	static void testTokens(DynamicPropertyRegistry registry) {
		registry.add("suite.security.jwks-uri", () -> TestTokens.shared().jwksUri());
	}

	/**
	 * A new organisation with the livechat addon, known to the service.
	 * @return its id
	 */
	protected String newOrganisation() {
		return newOrganisation(List.of("livechat"));
	}

	protected String newOrganisation(List<String> addons) {
		String orgId = "org-" + UUID.randomUUID();
		publish(orgId, orgId, new OrganisationCreated(orgId, "sub-" + orgId.substring(4, 12), addons, Instant.now()));
		eventually().until(() -> this.mongo.findById(orgId, Document.class, "organisations")
			.blockOptional(Duration.ofSeconds(5))
			.isPresent());
		return orgId;
	}

	/** An agent token of a new operator of the organisation. */
	protected static String agentOf(String orgId) {
		return TestTokens.shared().agent("op-" + UUID.randomUUID(), orgId, "livechat");
	}

	/**
	 * Publishes another service's event, as that service would.
	 * @param orgId the organisation
	 * @param subject the aggregate id (the key)
	 * @param data the event data
	 * @return the event published
	 */
	protected CloudEvent<?> publish(String orgId, String subject, EventData data) {
		CloudEvent<?> event = CloudEvent.of("test", subject, orgId, data, Instant.now());
		publish(event);
		return event;
	}

	protected void publish(CloudEvent<?> event) {
		try {
			this.kafka
				.send(new ProducerRecord<>(event.eventType().topic(), event.subject(), this.events.toBytes(event)))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.type(), ex);
		}
	}

	/**
	 * Opens a visitor's room with {@code room-control}.
	 * @param orgId the organisation
	 * @param userId the visitor
	 * @param product the channel
	 * @return the room
	 */
	protected VisitorRoom openRoom(String orgId, String userId, String product) {
		JsonNode body = body(roomControl(
				Map.of("user_id", userId, "org_id", orgId, "portfolio_name", "umair", "product_name", product), null)
			.expectStatus()
			.isOk());
		return new VisitorRoom(body.path("inserted_id").asString(),
				body.path("response").path("room_token").asString());
	}

	/** A new room of a new visitor in the organisation. */
	protected VisitorRoom openRoom(String orgId) {
		return openRoom(orgId, "visitor-" + UUID.randomUUID(), "shop.example");
	}

	protected WebTestClient.ResponseSpec roomControl(Map<String, ?> body, String roomToken) {
		return this.web.post().uri("/api/v2/room-control/").headers((headers) -> {
			if (roomToken != null) {
				headers.set("X-Room-Token", roomToken);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	/** {@code POST room-service} as the room's visitor. */
	protected WebTestClient.ResponseSpec visitorPost(VisitorRoom room, Map<String, ?> body) {
		return post(body, (headers) -> headers.set("X-Room-Token", room.token()));
	}

	/** {@code POST room-service} as an agent. */
	protected WebTestClient.ResponseSpec agentPost(String agentToken, Map<String, ?> body) {
		return post(body, (headers) -> headers.setBearerAuth(agentToken));
	}

	private WebTestClient.ResponseSpec post(Map<String, ?> body, java.util.function.Consumer<HttpHeaders> headers) {
		return this.web.post()
			.uri("/api/v2/room-service/")
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** Posts a message as the visitor, expecting success. */
	protected void say(VisitorRoom room, String text) {
		visitorPost(room, Map.of("type", "create_message", "room_id", room.id(), "message_data", text, "side", true,
				"author", "client", "message_type", "text"))
			.expectStatus()
			.isOk();
	}

	/** {@code GET room-service} as the room's visitor. */
	protected WebTestClient.ResponseSpec visitorGet(VisitorRoom room, String query) {
		return this.web.get().uri("/api/v2/room-service/?" + query).header("X-Room-Token", room.token()).exchange();
	}

	/** {@code GET room-service} as an agent. */
	protected WebTestClient.ResponseSpec agentGet(String agentToken, String query) {
		return this.web.get()
			.uri("/api/v2/room-service/?" + query)
			.headers((headers) -> headers.setBearerAuth(agentToken))
			.exchange();
	}

	/** The texts of a room's messages, oldest first, as its visitor reads them. */
	protected List<String> texts(VisitorRoom room) {
		JsonNode body = body(visitorGet(room, "type=get_messages&room_id=" + room.id()).expectStatus().isOk());
		return body.path("response").valueStream().map((message) -> message.path("message_data").asString()).toList();
	}

	protected static JsonNode body(WebTestClient.ResponseSpec response) {
		return json.readTree(response.expectBody().returnResult().getResponseBody());
	}

	/**
	 * Asserts a chat-room-family error body.
	 * @param response the response, its status already checked
	 * @param message a part of the message
	 */
	protected static void assertRefused(WebTestClient.ResponseSpec response, String message) {
		JsonNode body = body(response);
		assertThat(body.properties()).hasSize(2);
		assertThat(body.path("success").asBoolean(true)).isFalse();
		assertThat(body.path("message").asString()).contains(message);
	}

	protected static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50));
	}

	/**
	 * A visitor's room.
	 *
	 * @param id the room id
	 * @param token the room token
	 */
	public record VisitorRoom(String id, String token) {
	}

}
