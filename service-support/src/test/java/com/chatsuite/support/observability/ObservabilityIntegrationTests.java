package com.chatsuite.support.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.support.events.OutboxRelay;
import com.chatsuite.support.sample.ParcelService;
import com.chatsuite.support.sample.RoomEventsListener;
import com.chatsuite.support.sample.SampleApplication;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest(classes = SampleApplication.class)
class ObservabilityIntegrationTests {

	@Autowired
	private ParcelService parcels;

	@Autowired
	private RoomEventsListener rooms;

	@Autowired
	private Tracer tracer;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private EventJson json;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private WebTestClient web;

	@Test
	void eventStoredInsideASpanReachesKafkaWithThatSpanAsItsTraceparent() throws Exception {
		String id = UUID.randomUUID().toString();
		Span span = this.tracer.nextSpan().name("change").start();
		try (EventCollector collector = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
				this.parcels.create(id, "traced").block(Duration.ofSeconds(30));
			}
			finally {
				span.end();
			}
			await().atMost(Duration.ofSeconds(20))
				.until(() -> collector.records().stream().anyMatch((record) -> id.equals(record.key())));
			ConsumerRecord<String, byte[]> record = collector.records()
				.stream()
				.filter((candidate) -> id.equals(candidate.key()))
				.findFirst()
				.orElseThrow();
			Header traceparent = record.headers().lastHeader("traceparent");
			assertThat(traceparent).isNotNull();
			assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
				.matches("00-" + span.context().traceId() + "-" + span.context().spanId() + "-0[01]");
		}
	}

	@Test
	void consumerHandlesAnEventInsideTheTraceOfItsRecordHeader() throws Exception {
		String roomId = UUID.randomUUID().toString();
		CloudEvent<?> event = CloudEvent.of("chat-room-service", roomId, "org-1",
				new RoomCreated(roomId, "shop.example", "visitor-1", null, null, Instant.now()), Instant.now());
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CHAT_ROOMS, roomId,
				this.json.toBytes(event));
		record.headers()
			.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
		this.kafka.send(record).get();

		await().atMost(Duration.ofSeconds(20)).until(() -> this.rooms.traceIdOf(event.id()) != null);
		assertThat(this.rooms.traceIdOf(event.id())).isEqualTo(traceId);
	}

	@Test
	void backlogGaugesCountEventsWaitingInMarkedDocumentsAndTheOldestAge() {
		String id = UUID.randomUUID().toString();
		Instant created = Instant.now().minus(Duration.ofMinutes(10));
		// Two events a replica could not send, held by another replica's lease, so that
		// this one's relay leaves them where they are.
		List<Document> events = List.of(event(created), event(created.plusSeconds(60)));
		this.mongo.insert(new Document("_id", id).append("label", "waiting").append("outbox", events), "parcels")
			.block(Duration.ofSeconds(10));
		Document marker = new Document("_id", "parcels/" + id).append("collection", "parcels")
			.append("document", id)
			.append("since", Date.from(created))
			.append("lease", new Document("owner", "another-replica").append("until",
					Date.from(Instant.now().plus(Duration.ofHours(1)))));
		this.mongo.insert(marker, OutboxRelay.MARKERS).block(Duration.ofSeconds(10));
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(this.meters.get("chatsuite.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(2);
				assertThat(this.meters.get("chatsuite.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(600);
			});
			String scraped = scrape();
			assertThat(scraped).containsPattern("chatsuite_outbox_backlog\\{application=\"support-sample\"\\} [2-9]")
				.contains("chatsuite_outbox_oldest_age_seconds{application=\"support-sample\"}");
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").is(marker.get("_id"))), OutboxRelay.MARKERS)
				.block(Duration.ofSeconds(10));
			this.mongo.remove(Query.query(Criteria.where("_id").is(id)), "parcels").block(Duration.ofSeconds(10));
		}
	}

	@Test
	void prometheusEndpointShowsJvmKafkaAndDeadLetterMeters() throws Exception {
		String roomId = UUID.randomUUID().toString();
		CloudEvent<?> poison = CloudEvent.of("chat-room-service", roomId, "org-1",
				new RoomCreated(roomId, "explode", "visitor-1", null, null, Instant.now()), Instant.now());
		this.kafka.send(new ProducerRecord<>(Topics.CHAT_ROOMS, roomId, this.json.toBytes(poison))).get();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape()).containsPattern(
					"chatsuite_inbox_dead_letters_total\\{application=\"support-sample\",topic=\"chat.rooms\"\\} [1-9]"));
		assertThat(scrape()).contains("jvm_memory_used_bytes{application=\"support-sample\"")
			.contains("kafka_producer_record_send_total")
			.contains("kafka_consumer_fetch_manager_records_lag_max");
	}

	private String scrape() {
		return this.web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static Document event(Instant createdAt) {
		return new Document("eventId", UUID.randomUUID().toString()).append("topic", Topics.DIRECTORY_OPERATORS)
			.append("key", "k")
			.append("payload", "{}")
			.append("createdAt", Date.from(createdAt));
	}

}
