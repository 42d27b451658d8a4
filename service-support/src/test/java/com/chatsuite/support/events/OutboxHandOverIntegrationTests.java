package com.chatsuite.support.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.support.sample.Parcel;
import com.chatsuite.support.sample.ParcelService;
import com.chatsuite.support.sample.SampleApplication;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's three paths: a write hands its events over and they go out without the
 * relay searching anything; events that could not be handed over wait under a marker;
 * events left behind without a marker are found by the sweep.
 */
@SuiteIntegrationTest(classes = SampleApplication.class)
class OutboxHandOverIntegrationTests {

	@Autowired
	private ParcelService parcels;

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private EventJson json;

	@Autowired
	private OutboxEvents events;

	@Autowired
	private OutboxWrites writes;

	private EventCollector collector;

	@BeforeEach
	void collect() {
		this.collector = EventCollector.of(Topics.DIRECTORY_OPERATORS);
	}

	@AfterEach
	void stopCollecting() throws InterruptedException {
		this.collector.close();
	}

	@Test
	void aWriteHandsItsEventOverAndNoMarkerIsLeft() {
		String id = UUID.randomUUID().toString();
		StepVerifier.create(this.parcels.create(id, "handed-over")).expectNextCount(1).verifyComplete();
		await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingOf(id).isEmpty());
		assertThat(marker(id)).as("a handed-over event needs no marker").isNull();
	}

	@Test
	void changesInQuickSuccessionAreSentOnceEachInTheirOrder() {
		String id = UUID.randomUUID().toString();
		StepVerifier.create(this.parcels.create(id, "v0")).expectNextCount(1).verifyComplete();
		// Each change lands while the previous one's event may still be on its way.
		for (int version = 1; version <= 20; version++) {
			StepVerifier.create(this.parcels.relabel(id, "v" + version)).expectNextCount(1).verifyComplete();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).size() >= 21);
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingOf(id).isEmpty());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventsFor(id).size() == 21);
		assertThat(eventsFor(id).stream().map((event) -> ((OperatorCreated) event.data()).name())).containsExactly(
				java.util.stream.IntStream.rangeClosed(0, 20).mapToObj((n) -> "v" + n).toArray(String[]::new));
	}

	@Test
	void eventsLeftBehindWithoutAMarkerAreFoundByTheSweepAndSentOnce() {
		String id = UUID.randomUUID().toString();
		// As a replica that stopped between its write and the hand-over leaves them.
		OutboxEvent event = this.events.of(id, "org-1",
				new OperatorCreated(id, "left@example.com", "left", "livechat", true));
		OutboxEvent old = new OutboxEvent(event.eventId(), event.topic(), event.key(), event.payload(),
				Instant.now().minus(Duration.ofMinutes(5)), null);
		StepVerifier.create(this.mongo.insert(new Parcel(id, "left-behind", List.of(old))))
			.expectNextCount(1)
			.verifyComplete();

		StepVerifier.create(this.relay.sweep())
			.assertNext((marked) -> assertThat(marked).isPositive())
			.verifyComplete();
		await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingOf(id).isEmpty() && marker(id) == null);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventsFor(id).size() == 1);
	}

	@Test
	void theSweepLeavesFreshEventsToTheirHandOver() {
		String id = UUID.randomUUID().toString();
		OutboxEvent fresh = this.events.of(id, "org-1",
				new OperatorCreated(id, "fresh@example.com", "fresh", "livechat", true));
		StepVerifier.create(this.mongo.insert(new Parcel(id, "fresh", List.of(fresh))))
			.expectNextCount(1)
			.verifyComplete();
		this.relay.sweep().block(Duration.ofSeconds(10));
		assertThat(marker(id)).isNull();
	}

	@Test
	void aMarkerRoundLeavesTheEventOfAWriteInProgressToItsHandOver() {
		String id = UUID.randomUUID().toString();
		// Old enough for the sweep to mark its document, as another write's failed
		// hand-over would: a marker round then reads it before this write's hand-over.
		OutboxEvent event = eventOf(id, "in-progress", Instant.now().minus(Duration.ofMinutes(5)));
		this.relay.expect(List.of(event));
		StepVerifier.create(this.mongo.insert(new Parcel(id, "in-progress", List.of(event))))
			.expectNextCount(1)
			.verifyComplete();
		this.relay.sweep().block(Duration.ofSeconds(10));
		this.relay.relayPending().block(Duration.ofSeconds(10));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventsFor(id).isEmpty());

		this.relay.handOver("parcels", id, List.of(event), List.of(event));
		await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingOf(id).isEmpty());
		this.relay.relayPending().block(Duration.ofSeconds(10));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> eventsFor(id).size() == 1);
	}

	@Test
	void aWritesEventIsSentWhenTheDocumentItReadBackHoldsALaterOneToo() {
		String id = UUID.randomUUID().toString();
		OutboxEvent mine = eventOf(id, "mine", Instant.now());
		OutboxEvent later = eventOf(id, "later", Instant.now());
		// An insert whose answer was lost reads its document back, and another write has
		// added an event to it meanwhile.
		this.relay.expect(List.of(mine));
		StepVerifier.create(this.mongo.insert(new Parcel(id, "read-back", List.of(mine, later))))
			.expectNextCount(1)
			.verifyComplete();
		this.relay.handOver("parcels", id, List.of(mine, later), List.of(mine));

		await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).size() == 2);
		assertThat(eventsFor(id).stream().map((event) -> ((OperatorCreated) event.data()).name()))
			.containsExactly("mine", "later");
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingOf(id).isEmpty() && marker(id) == null);
		assertThat(heldBack(mine)).as("nothing is held back for an event that was sent").isFalse();
	}

	@Test
	void aWritesEventAnotherReplicaSentFirstIsNotHeldBack() {
		String id = UUID.randomUUID().toString();
		OutboxEvent gone = eventOf(id, "gone", Instant.now());
		this.relay.expect(List.of(gone));
		// The document read back after the write no longer holds the event.
		this.relay.handOver("parcels", id, List.of(), List.of(gone));
		assertThat(heldBack(gone)).isFalse();
	}

	@Test
	void aRefusedWriteHoldsNothingBack() {
		String id = UUID.randomUUID().toString();
		StepVerifier.create(this.parcels.create(id, "stored")).expectNextCount(1).verifyComplete();
		OutboxEvent refused = eventOf(id, "refused", Instant.now());
		StepVerifier.create(this.writes.insert(new Parcel(id, "refused", List.of(refused)))).expectError().verify();
		assertThat(heldBack(refused)).isFalse();
	}

	private OutboxEvent eventOf(String id, String name, Instant createdAt) {
		OutboxEvent event = this.events.of(id, "org-1",
				new OperatorCreated(id, name + "@example.com", name, "livechat", true));
		return new OutboxEvent(event.eventId(), event.topic(), event.key(), event.payload(), createdAt, null);
	}

	/** Whether the relay still counts the event as waiting for a hand-over here. */
	private boolean heldBack(OutboxEvent event) {
		return this.relay.holds(event.eventId());
	}

	private Document marker(String id) {
		return this.mongo.findById("parcels/" + id, Document.class, OutboxRelay.MARKERS).block(Duration.ofSeconds(5));
	}

	private List<CloudEvent<?>> eventsFor(String subject) {
		return this.collector.records()
			.stream()
			.filter((record) -> subject.equals(record.key()))
			.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
			.toList();
	}

	private List<OutboxEvent> pendingOf(String id) {
		return this.parcels.find(id).map(Parcel::outbox).blockOptional().orElse(List.of());
	}

}
