package com.chatsuite.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.chatsuite.contracts.events.Topics;
import com.chatsuite.testsupport.EventCollector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the visitor's request to the ticket, across processes: the gateway
 * continues the client's {@code traceparent}, chat-room-service stores it with the
 * room-created event in its outbox, the relay puts it on the Kafka record,
 * ticket-service's consumer continues it and the ticket-created event it stores carries
 * it on.
 */
class TracingEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Path TICKET_SERVICE_LOG = Path.of("target/suite-logs/ticket-service.log");

	private final SuiteApi api = SuiteApi.connect();

	private final WebTestClient gateway = this.api.gateway();

	@Test
	void aVisitorsTraceGoesThroughTheGatewayChatRoomServiceKafkaAndTicketServicesConsumer() throws Exception {
		String organisation = this.api.newOrganisationToken();
		String orgId = SuiteApi.orgIdOf(organisation);
		String traceId = "5b8aa5a2d2c872e8321cf37308d69df2";
		try (EventCollector events = EventCollector.of(Topics.CHAT_ROOMS, Topics.TICKETS)) {
			JsonNode opened = await().atMost(WAIT)
				.until(() -> SuiteApi.body(this.gateway.post()
					.uri("/api/v2/room-control/")
					.header("traceparent", "00-" + traceId + "-051581bf3cb55c13-01")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("user_id", "visitor-t", "org_id", orgId, "portfolio_name", "Tracy Visitor",
							"product_name", "traced.example"))
					.exchange()), (answer) -> answer.path("success").asBoolean());
			String roomId = opened.path("inserted_id").asString();

			ConsumerRecord<String, byte[]> roomCreated = await().atMost(WAIT)
				.until(() -> about(events.records(), Topics.CHAT_ROOMS, roomId, "chat.room.created.v1"),
						Optional::isPresent)
				.orElseThrow();
			ConsumerRecord<String, byte[]> ticketCreated = await().atMost(WAIT)
				.until(() -> about(events.records(), Topics.TICKETS, roomId, "ticket.created.v1"), Optional::isPresent)
				.orElseThrow();

			// chat-room-service's span, child of the gateway's, in the client's trace.
			assertThat(traceparent(roomCreated)).matches("00-" + traceId + "-[0-9a-f]{16}-01")
				.doesNotContain("051581bf3cb55c13");
			// ticket-service's consumer span of that record, in the same trace.
			assertThat(traceparent(ticketCreated)).matches("00-" + traceId + "-[0-9a-f]{16}-01")
				.isNotEqualTo(traceparent(roomCreated));
			// ticket-service's log line of handling the room event: JSON (ECS), with the
			// trace id of its consumer span.
			String roomEventId = SuiteApi.json.readTree(roomCreated.value()).path("id").asString();
			String logged = await().atMost(WAIT)
				.until(() -> lineAbout(TICKET_SERVICE_LOG, roomEventId), Optional::isPresent)
				.orElseThrow();
			JsonNode line = SuiteApi.json.readTree(logged);
			assertThat(line.path("@timestamp").isMissingNode()).isFalse();
			assertThat(logged).contains("\"traceId\":\"" + traceId + "\"");
		}
		this.gateway.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
	}

	private static Optional<String> lineAbout(Path log, String text) throws IOException {
		try (Stream<String> lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains(text) && line.contains("Handling")).findFirst();
		}
	}

	private static Optional<ConsumerRecord<String, byte[]>> about(List<ConsumerRecord<String, byte[]>> records,
			String topic, String roomId, String type) {
		return records.stream().filter((record) -> record.topic().equals(topic)).filter((record) -> {
			String value = new String(record.value(), StandardCharsets.UTF_8);
			return value.contains(roomId) && value.contains(type);
		}).findFirst();
	}

	private static String traceparent(ConsumerRecord<String, byte[]> record) {
		Header header = record.headers().lastHeader("traceparent");
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "none";
	}

}
