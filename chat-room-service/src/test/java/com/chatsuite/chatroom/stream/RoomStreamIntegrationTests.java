package com.chatsuite.chatroom.stream;

import java.time.Duration;
import java.util.Map;

import com.chatsuite.chatroom.ChatRoomIntegrationTest;
import com.chatsuite.chatroom.ChatRoomServiceApplication;
import com.chatsuite.chatroom.room.Room;
import com.chatsuite.chatroom.room.Rooms;
import com.chatsuite.testsupport.SuiteInfrastructureInitializer;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.testsupport.TestTokens;
import com.chatsuite.testsupport.TestWebClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room's live stream: every new message to every subscriber, on whichever replica it
 * was posted, in order and once; what a reconnecting client missed first; the closing
 * last.
 */
@SuiteIntegrationTest
class RoomStreamIntegrationTests extends ChatRoomIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private RoomStreams streams;

	@Autowired
	private Rooms rooms;

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static ConfigurableApplicationContext secondReplica;

	@AfterAll
	static void stopSecondReplica() {
		if (secondReplica != null) {
			secondReplica.close();
		}
	}

	@Test
	void subscribersGetEveryNewMessageInOrderWithItsNumberAsEventId() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		String agent = agentOf(orgId);
		Flux<ServerSentEvent<String>> visitorStream = stream(this.web, room, null);
		StepVerifier.create(visitorStream.filter(RoomStreamIntegrationTests::isMessage)).then(() -> {
			say(room, "Hello");
			agentPost(agent, Map.of("type", "create_message", "room_id", room.id(), "message_data", "Hi there"))
				.expectStatus()
				.isOk();
		})
			.assertNext((event) -> assertMessage(event, 1, "Hello", "client"))
			.assertNext((event) -> assertMessage(event, 2, "Hi there", "agent"))
			.thenCancel()
			.verify(WAIT);
	}

	@Test
	void aReconnectingClientGetsWhatItMissedFirstThenTheRestWithoutGapOrRepeat() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "one");
		say(room, "two");
		say(room, "three");
		StepVerifier.create(stream(this.web, room, "1").filter(RoomStreamIntegrationTests::isMessage))
			.assertNext((event) -> assertMessage(event, 2, "two", "client"))
			.assertNext((event) -> assertMessage(event, 3, "three", "client"))
			.then(() -> say(room, "four"))
			.assertNext((event) -> assertMessage(event, 4, "four", "client"))
			.thenCancel()
			.verify(WAIT);
	}

	@Test
	void theClosingIsTheLastEventAndEndsTheStream() {
		VisitorRoom room = openRoom(newOrganisation());
		StepVerifier.create(stream(this.web, room, null).filter((event) -> event.event() != null)).then(() -> {
			say(room, "thanks, bye");
			visitorPost(room, Map.of("type", "delete_room", "room_id", room.id(), "is_active", false)).expectStatus()
				.isOk();
		}).assertNext((event) -> assertMessage(event, 1, "thanks, bye", "client")).assertNext((event) -> {
			assertThat(event.event()).isEqualTo("closed");
			assertThat(json(event).path("is_active").asBoolean(true)).isFalse();
		}).expectComplete().verify(WAIT);
	}

	@Test
	void aRoomClosedBetweenItsReadAndTheStreamsStartSendsItsClosing() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "bye");
		Room read = this.rooms.find(room.id()).block(WAIT);
		visitorPost(room, Map.of("type", "delete_room", "room_id", room.id())).expectStatus().isOk();
		StepVerifier.create(this.streams.of(read, 0).filter((event) -> event.event() != null))
			.assertNext((event) -> assertThat(event.event()).isEqualTo("message"))
			.assertNext((event) -> assertThat(event.event()).isEqualTo("closed"))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void aLastEventIdBeyondEveryMessageIsHarmless() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "one");
		StepVerifier
			.create(stream(this.web, room, Long.toString(Long.MAX_VALUE)).filter((event) -> event.event() != null))
			.then(() -> visitorPost(room, Map.of("type", "delete_room", "room_id", room.id())).expectStatus().isOk())
			.assertNext((event) -> assertThat(event.event()).isEqualTo("closed"))
			.expectComplete()
			.verify(WAIT);
		StepVerifier.create(stream(this.web, room, "0").filter(RoomStreamIntegrationTests::isMessage))
			.assertNext((event) -> assertMessage(event, 1, "one", "client"))
			.thenCancel()
			.verify(WAIT);
	}

	@Test
	void aClosedRoomsStreamSendsItsHistoryAndTheClosing() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "only message");
		visitorPost(room, Map.of("type", "delete_room", "room_id", room.id())).expectStatus().isOk();
		StepVerifier.create(stream(this.web, room, null).filter((event) -> event.event() != null))
			.assertNext((event) -> assertMessage(event, 1, "only message", "client"))
			.assertNext((event) -> assertThat(event.event()).isEqualTo("closed"))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void browsersMayGiveTheRoomTokenInTheQueryOfTheStreamOnly() {
		VisitorRoom room = openRoom(newOrganisation());
		say(room, "hi");
		Flux<ServerSentEvent<String>> events = this.web.get()
			.uri("/api/v2/rooms/{room}/stream?token={token}", room.id(), room.token())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
		StepVerifier.create(events.filter(RoomStreamIntegrationTests::isMessage))
			.assertNext((event) -> assertMessage(event, 1, "hi", "client"))
			.thenCancel()
			.verify(WAIT);
		this.web.get()
			.uri("/api/v2/room-service/?type=get_messages&room_id={room}&token={token}", room.id(), room.token())
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void strangersGetNoStream() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		VisitorRoom other = openRoom(orgId);
		this.web.get().uri("/api/v2/rooms/{room}/stream", room.id()).exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/api/v2/rooms/{room}/stream?token={token}", room.id(), other.token())
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/api/v2/rooms/{room}/stream", room.id())
			.headers((headers) -> headers.setBearerAuth(agentOf(newOrganisation())))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertRefused(this.web.get()
			.uri("/api/v2/rooms/{room}/stream", room.id())
			.header("X-Room-Token", room.token())
			.header("Last-Event-ID", "yesterday")
			.exchange()
			.expectStatus()
			.isBadRequest(), "Last-Event-ID must be the id of an event of this stream");
	}

	@Test
	void aMessagePostedOnOneReplicaReachesASubscriberOfAnother() {
		WebTestClient other = secondReplica();
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		String agent = agentOf(orgId);
		StepVerifier.create(stream(other, room, null).filter(RoomStreamIntegrationTests::isMessage))
			.then(() -> agentPost(agent,
					Map.of("type", "create_message", "room_id", room.id(), "message_data", "posted on replica one"))
				.expectStatus()
				.isOk())
			.assertNext((event) -> assertMessage(event, 1, "posted on replica one", "agent"))
			.then(() -> say(room, "and another"))
			.assertNext((event) -> assertMessage(event, 2, "and another", "client"))
			.thenCancel()
			.verify(WAIT);
	}

	/**
	 * A second instance of the service over the same MongoDB and Kafka, whose room event
	 * listener is reading before it is used.
	 */
	@Test
	void openStreamsAndTheirRouteAreMeasured() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		// The first event ("ready") arrives once the stream is open on the server.
		StepVerifier.create(stream(this.web, room, null))
			.expectNextCount(1)
			.then(() -> assertThat(scrape())
				.containsPattern("chatsuite_streams_open\\{application=\"chat-room-service\"\\} [1-9]"))
			.thenCancel()
			.verify(WAIT);
		// Timed under the route's template, never the room id.
		eventually().untilAsserted(() -> assertThat(scrape())
			.containsPattern("http_server_requests_seconds_count\\{application=\"chat-room-service\",[^}]*"
					+ "uri=\"/api/v2/rooms/\\{roomId\\}/stream\"[^}]*\\} [1-9]")
			.doesNotContain(room.id()));
	}

	private String scrape() {
		// A whole scrape (Kafka client metrics per partition) is over the default 256 KB.
		return this.web.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static synchronized WebTestClient secondReplica() {
		if (secondReplica == null) {
			secondReplica = new SpringApplicationBuilder(ChatRoomServiceApplication.class)
				.initializers(new SuiteInfrastructureInitializer())
				.properties("suite.security.jwks-uri=" + TestTokens.shared().jwksUri())
				// An argument, not a default property: application.properties' 8085 would
				// win
				// over a default and collide with a local run.
				.run("--server.port=0");
			KafkaListenerEndpointRegistry registry = secondReplica.getBean(KafkaListenerEndpointRegistry.class);
			eventually().until(() -> registry.getListenerContainers()
				.stream()
				.filter((container) -> container.getGroupId() != null && container.getGroupId().contains("-streams-"))
				.map(MessageListenerContainer::getAssignedPartitions)
				.allMatch((partitions) -> partitions != null && !partitions.isEmpty()));
		}
		int port = ((WebServerApplicationContext) secondReplica).getWebServer().getPort();
		return TestWebClients.toServer("http://127.0.0.1:" + port, WAIT);
	}

	private static Flux<ServerSentEvent<String>> stream(WebTestClient client, VisitorRoom room, String lastEventId) {
		return client.get()
			.uri("/api/v2/rooms/{room}/stream", room.id())
			.header("X-Room-Token", room.token())
			.headers((headers) -> {
				if (lastEventId != null) {
					headers.set("Last-Event-ID", lastEventId);
				}
			})
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
	}

	private static boolean isMessage(ServerSentEvent<String> event) {
		return "message".equals(event.event());
	}

	private static void assertMessage(ServerSentEvent<String> event, long sequence, String text, String author) {
		assertThat(event.event()).isEqualTo("message");
		assertThat(event.id()).isEqualTo(Long.toString(sequence));
		JsonNode message = json(event);
		assertThat(message.path("seq").asLong()).isEqualTo(sequence);
		assertThat(message.path("message_data").asString()).isEqualTo(text);
		assertThat(message.path("author").asString()).isEqualTo(author);
	}

	private static JsonNode json(ServerSentEvent<String> event) {
		return json.readTree(event.data());
	}

}
