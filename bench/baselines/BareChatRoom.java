package bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reference point of bench/chat-bench.sh (BARE=1): the least a chat room service can do on
 * the suite's stack and still deliver a message across replicas. Spring Boot with its
 * defaults, WebFlux, reactive MongoDB and spring-kafka against the same Kafka broker and
 * store as the suite: a posted message is inserted, sent to a topic and answered; a listener
 * reads the topic and hands each message to its room's open streams. No token check, no
 * room read, no per-room numbering, no outbox, no consumer other than itself.
 *
 * Serves the three paths bench/chat-load.java calls: {@code POST /api/v2/room-control/},
 * {@code POST /api/v2/room-service/} and {@code GET /api/v2/rooms/{id}/stream}.
 * Properties: the usual Spring Boot ones (server.port, spring.mongodb.uri,
 * spring.kafka.bootstrap-servers, producer settings).
 */
@SpringBootApplication
@RestController
public class BareChatRoom {

	private static final String TOPIC = "bench.bare-chat";

	private final Map<String, Sinks.Many<String>> streams = new ConcurrentHashMap<>();

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	BareChatRoom(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka) {
		this.mongo = mongo;
		this.kafka = kafka;
	}

	public static void main(String[] args) {
		SpringApplication.run(BareChatRoom.class, args);
	}

	@Bean
	NewTopic topic() {
		return new NewTopic(TOPIC, 3, (short) 1);
	}

	@PostMapping("/api/v2/room-control/")
	Mono<Map<String, String>> open(@RequestBody Map<String, Object> body) {
		Document room = new Document("_id", new ObjectId()).append("user_id", body.get("user_id"))
			.append("org_id", body.get("org_id"));
		return this.mongo.insert(room, "rooms")
			.map((saved) -> Map.of("inserted_id", saved.getObjectId("_id").toHexString()));
	}

	@PostMapping("/api/v2/room-service/")
	Mono<Map<String, Object>> post(@RequestBody Map<String, Object> body) {
		String roomId = (String) body.get("room_id");
		String text = (String) body.get("message_data");
		Document message = new Document("room_id", roomId).append("message_data", text)
			.append("author", body.get("author"));
		return this.mongo.insert(message, "messages")
			.flatMap((saved) -> Mono.fromFuture(this.kafka.send(TOPIC, roomId, text)))
			.thenReturn(Map.of("success", true));
	}

	@GetMapping(path = "/api/v2/rooms/{roomId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> stream(@PathVariable("roomId") String roomId) {
		Sinks.Many<String> sink = this.streams.computeIfAbsent(roomId,
				(id) -> Sinks.many().multicast().directBestEffort());
		return Flux.concat(Mono.just(ServerSentEvent.<String>builder().comment("ready").build()),
				sink.asFlux().map((text) -> ServerSentEvent.builder(text).event("message").build()));
	}

	@KafkaListener(topics = TOPIC, groupId = "bench-bare-chat-#{T(java.util.UUID).randomUUID()}",
			properties = "auto.offset.reset=latest")
	void delivered(ConsumerRecord<String, String> record) {
		Sinks.Many<String> sink = this.streams.get(record.key());
		if (sink != null) {
			sink.emitNext(record.value(), Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
		}
	}

}
