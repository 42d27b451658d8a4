package com.chatsuite.ticket.stream;

import java.time.Duration;

import com.chatsuite.contracts.events.chat.SenderType;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.ticket.TicketIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent's console listening on {@code GET /v1/stream}: it hears of tickets assigned to
 * it, of messages in its rooms, of tickets closed or taken away, and of nothing else.
 */
@SuiteIntegrationTest
class AgentStreamIntegrationTests extends TicketIntegrationTest {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@BeforeEach
	void streamsListen() {
		MessageListenerContainer container = this.listeners.getListenerContainer(LiveEvents.LISTENER);
		eventually()
			.until(() -> container.getAssignedPartitions() != null && container.getAssignedPartitions().size() >= 2);
	}

	@Test
	void theAgentHearsOfItsTicketsMessagesAndClosingOnly() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Listener");
		Agent colleague = operator(orgId, "Colleague");
		Flux<ServerSentEvent<String>> stream = stream(agent);
		String roomId = newId("room");
		StepVerifier.create(stream.filter((event) -> event.event() != null)).then(() -> {
			openRoomWithId(orgId, roomId, "any.example");
			openRoom(newId("org"), "elsewhere.example");
		}).assertNext((event) -> {
			assertThat(event.event()).isEqualTo("ticket-assigned");
			assertThat(event.data()).contains(roomId).contains(agent.operatorId());
		})
			.then(() -> postMessage(orgId, roomId, 1, SenderType.VISITOR, "hello from the visitor"))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("message");
				assertThat(event.data()).contains("hello from the visitor");
			})
			.then(() -> {
				colleague.online().expectStatus().isOk();
				agent.closeRoom(roomId).expectStatus().isOk();
			})
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("ticket-closed");
				assertThat(event.data()).contains(roomId);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void theSameOperatorInAnotherAddonHearsOfItsOwnTicketsOnly() {
		String orgId = newId("org");
		routingSettings(orgId, java.util.Map.of("capacity", 1)).expectStatus().isOk();
		Agent agent = onlineOperator(orgId, "Listener");
		Agent sameOperator = inAddon(agent, SELLER_CHAT);
		String first = newId("room");
		String second = newId("room");
		StepVerifier
			.create(stream(sameOperator)
				.filter((event) -> event.event() != null || "listening".equals(event.comment())))
			.expectNextMatches((event) -> "listening".equals(event.comment()))
			.then(() -> {
				openRoomWithId(orgId, first, "any.example");
				eventually().until(() -> agent.ticketOfRoom(first) != null);
				postMessage(orgId, first, 1, SenderType.VISITOR, "for the livechat agent");
				// The livechat agent is at capacity: the next room goes to the other
				// addon's.
				sameOperator.online().expectStatus().isOk();
				openRoomWithId(orgId, second, "any.example");
			})
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("ticket-assigned");
				assertThat(event.data()).contains(second).doesNotContain(first);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void anAgentGoingOfflineHearsItsTicketsTakenAway() {
		String orgId = newId("org");
		Agent leaving = onlineOperator(orgId, "Leaving");
		String roomId = assignedRoom(leaving);
		StepVerifier.create(stream(leaving).filter((event) -> event.event() != null))
			.then(() -> leaving.offline().expectStatus().isOk())
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("ticket-reassigned");
				assertThat(event.data()).contains(roomId);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void theStreamNeedsAnAgentToken() {
		this.web.get()
			.uri("/v1/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.json("{\"errors\": [{\"status\": \"401\", \"title\": \"not authorize\"}]}");
	}

	private Flux<ServerSentEvent<String>> stream(Agent agent) {
		return this.web.get()
			.uri("/v1/stream")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + agent.token())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
	}

}
