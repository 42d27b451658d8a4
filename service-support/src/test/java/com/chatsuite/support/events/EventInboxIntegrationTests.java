package com.chatsuite.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.contracts.events.chat.SenderType;
import com.chatsuite.support.sample.RoomEventsListener;
import com.chatsuite.support.sample.SampleApplication;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest(classes = SampleApplication.class)
class EventInboxIntegrationTests {

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private RoomEventsListener listener;

	@Autowired
	private EventJson json;

	@Autowired
	private ReactiveMongoTemplate mongo;

	private EventCollector deadLetters;

	@BeforeEach
	void collectDeadLetters() {
		this.deadLetters = EventCollector.of(Topics.deadLetter(Topics.CHAT_ROOMS));
	}

	@AfterEach
	void stopCollecting() throws InterruptedException {
		this.deadLetters.close();
	}

	@Test
	void malformedRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillProcessed() {
		String key = UUID.randomUUID().toString();
		send(key, "{not json".getBytes(StandardCharsets.UTF_8));
		CloudEvent<RoomCreated> next = room(key, "shop.example");
		send(key, this.json.toBytes(next));

		await().atMost(Duration.ofSeconds(30)).until(() -> handled(next.id()) == 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.deadLetters.values()).contains("{not json"));
	}

	@Test
	void eventWhoseHandlerKeepsFailingIsRetriedABoundedNumberOfTimesThenDeadLettered() {
		String key = UUID.randomUUID().toString();
		int failuresBefore = this.listener.failures();
		CloudEvent<RoomCreated> poison = room(key, "explode");
		CloudEvent<RoomCreated> next = room(key, "after.example");
		send(key, this.json.toBytes(poison));
		send(key, this.json.toBytes(next));

		await().atMost(Duration.ofSeconds(30)).until(() -> handled(next.id()) == 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.deadLetters.values()).anyMatch((value) -> value.contains(poison.id())));
		// Three deliveries (suite.events.consumer.attempts), then the dead-letter topic.
		assertThat(this.listener.failures() - failuresBefore).isEqualTo(3);
	}

	@Test
	void redeliveredEventChangesNothingTheSecondTime() {
		String key = UUID.randomUUID().toString();
		CloudEvent<RoomCreated> event = room(key, "twice.example");
		sendTwiceThenAwaitAMarker(key, event);
		assertThat(handled(event.id())).isEqualTo(1);
	}

	@Test
	void eventsDeclaredIdempotentSkipTheInbox() {
		String key = UUID.randomUUID().toString();
		CloudEvent<MessagePosted> message = CloudEvent.of("chat-room-service", key, "org-1",
				new MessagePosted(key, key + ":1", 1, SenderType.VISITOR, "visitor-1", "hello", Instant.now()),
				Instant.now());
		CloudEvent<RoomCreated> marker = sendTwiceThenAwaitAMarker(key, message);
		// Handled each time it came, and never written to the inbox (the room event was).
		assertThat(handled(message.id())).isEqualTo(2);
		assertThat(inboxHas(message.id())).isFalse();
		assertThat(inboxHas(marker.id())).isTrue();
	}

	private CloudEvent<RoomCreated> room(String roomId, String productName) {
		return CloudEvent.of("chat-room-service", roomId, "org-1",
				new RoomCreated(roomId, productName, "visitor-1", null, null, Instant.now()), Instant.now());
	}

	/**
	 * Sends an event twice, then a room event under the same key, and waits until that
	 * one is handled: both copies before it have been delivered by then.
	 */
	private CloudEvent<RoomCreated> sendTwiceThenAwaitAMarker(String key, CloudEvent<?> event) {
		send(key, this.json.toBytes(event));
		send(key, this.json.toBytes(event));
		CloudEvent<RoomCreated> marker = room(key, "marker.example");
		send(key, this.json.toBytes(marker));
		await().atMost(Duration.ofSeconds(30)).until(() -> handled(marker.id()) == 1);
		return marker;
	}

	private boolean inboxHas(String eventId) {
		return this.mongo
			.exists(Query.query(Criteria.where("_id").is("sample-rooms/" + eventId)), EventInbox.COLLECTION)
			.block(Duration.ofSeconds(10));
	}

	private void send(String key, byte[] value) {
		this.kafka.send(new ProducerRecord<>(Topics.CHAT_ROOMS, key, value)).join();
	}

	private long handled(String eventId) {
		return this.listener.handled().stream().filter((event) -> event.id().equals(eventId)).count();
	}

}
