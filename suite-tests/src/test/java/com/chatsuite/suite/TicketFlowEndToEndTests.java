package com.chatsuite.suite;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole chat flow through the running gateway only: an organisation's operator,
 * assigned to a domain, goes online; a visitor opens a room on that domain and it becomes
 * a ticket assigned to the operator, who joins the room; they chat; the agent closes the
 * room, the visitor's stream ends, the room refuses messages and the ticket reads
 * {@code CHAT_CLOSED}. An agent of another organisation sees none of it.
 */
class TicketFlowEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private final SuiteApi api = SuiteApi.connect();

	private final WebTestClient gateway = this.api.gateway();

	@Test
	void aRoomOnADomainReachesItsOnlineAgentWhoChatsAndClosesIt() {
		String organisation = this.api.newOrganisationToken();
		String orgId = SuiteApi.orgIdOf(organisation);
		String operatorId = this.api.newOperator(organisation, "Tess");
		String domain = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		this.api.post(organisation, "/admin/domain/create", Map.of("domain_name", domain, "email", "owner@" + domain))
			.expectStatus()
			.isOk();
		this.api.post(organisation, "/admin/operator/assign", Map.of("domain_name", domain, "operator_id", operatorId))
			.expectStatus()
			.isOk();
		String agent = this.api.agentToken(organisation, operatorId);
		// ticket-service knows the operator once operator-domain-service's event arrived.
		await().atMost(WAIT)
			.until(() -> agentCall(agent, "PUT", "/v1/online").returnResult(byte[].class).getStatus().value() == 200);

		JsonNode opened = await().atMost(WAIT)
			.until(() -> SuiteApi.body(this.gateway.post()
				.uri("/api/v2/room-control/")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("user_id", "visitor-9", "org_id", orgId, "portfolio_name", "Vera Visitor",
						"product_name", domain))
				.exchange()), (answer) -> answer.path("success").asBoolean());
		String roomId = opened.path("inserted_id").asString();
		String roomToken = opened.path("response").path("room_token").asString();

		JsonNode ticket = await().atMost(Duration.ofSeconds(5))
			.until(() -> ticketOfRoom(agent, roomId, false),
					(found) -> found != null && found.path("content").path("status").asString().equals("ASSIGNED"));
		assertThat(ticket.path("metadata").path("entityId").asString()).isEqualTo(orgId);
		assertThat(ticket.path("customer").path("id").asString()).isEqualTo("visitor-9");
		await().atMost(WAIT).until(() -> messages(agent, roomId).toString().contains("joined the chat"));

		visitor(roomToken, Map.of("type", "create_message", "room_id", roomId, "message_data", "Where is my order?"))
			.expectStatus()
			.isOk();
		agentMessage(agent, roomId, "On its way.");
		await().atMost(WAIT)
			.until(() -> ticketOfRoom(agent, roomId, false).path("content")
				.path("last_message")
				.path("text")
				.asString()
				.equals("On its way."));

		Flux<ServerSentEvent<String>> stream = this.gateway.get()
			.uri("/api/v2/rooms/{room}/stream?token={token}", roomId, roomToken)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.filter((event) -> "closed".equals(event.event()));
		StepVerifier.create(stream)
			.then(() -> agentCall(agent, "DELETE", "/v1/rooms/" + roomId).expectStatus().isOk())
			.assertNext((event) -> assertThat(event.event()).isEqualTo("closed"))
			.expectComplete()
			.verify(WAIT);

		visitor(roomToken, Map.of("type", "create_message", "room_id", roomId, "message_data", "one more thing"))
			.expectStatus()
			.isEqualTo(409);
		await().atMost(WAIT)
			.until(() -> ticketOfRoom(agent, roomId, true),
					(closed) -> closed != null && closed.path("content").path("status").asString().equals("CHAT_CLOSED")
							&& closed.path("metadata").path("isChatRoomClosed").asBoolean());
		assertThat(ticketOfRoom(agent, roomId, false)).isNull();

		String stranger = this.api.newOrganisationToken();
		String strangersAgent = this.api.agentToken(stranger, this.api.newOperator(stranger, "Mallory"));
		await().atMost(WAIT)
			.until(() -> agentCall(strangersAgent, "PUT", "/v1/online").returnResult(byte[].class)
				.getStatus()
				.value() == 200);
		assertThat(SuiteApi.body(agentCall(strangersAgent, "GET", "/v1/tickets?closed=true").expectStatus().isOk()))
			.isEmpty();
		agentCall(strangersAgent, "DELETE", "/v1/rooms/" + roomId).expectStatus()
			.isNotFound()
			.expectBody()
			.json("{\"errors\": [{\"status\": \"404\", \"title\": \"not found\"}]}");
	}

	private JsonNode ticketOfRoom(String agent, String roomId, boolean withClosed) {
		JsonNode tickets = SuiteApi
			.body(agentCall(agent, "GET", "/v1/tickets" + (withClosed ? "?closed=true" : "")).expectStatus().isOk());
		for (JsonNode ticket : tickets) {
			if (ticket.path("metadata").path("roomId").asString().equals(roomId)) {
				return ticket;
			}
		}
		return null;
	}

	private JsonNode messages(String agent, String roomId) {
		return SuiteApi.body(this.gateway.get()
			.uri("/api/v2/room-service/?type=get_messages&room_id={room}", roomId)
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk());
	}

	private void agentMessage(String agent, String roomId, String text) {
		this.gateway.post()
			.uri("/api/v2/room-service/")
			.headers((headers) -> headers.setBearerAuth(agent))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("type", "create_message", "room_id", roomId, "message_data", text, "author", "agent"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec agentCall(String agent, String method, String path) {
		return this.gateway.method(HttpMethod.valueOf(method))
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange();
	}

	private WebTestClient.ResponseSpec visitor(String roomToken, Map<String, Object> body) {
		return this.gateway.post()
			.uri("/api/v2/room-service/")
			.header("X-Room-Token", roomToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
