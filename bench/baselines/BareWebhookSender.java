package bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reference point of bench/webhook-bench.sh (BARE=1): the least a webhook sender can do on
 * the suite's stack. Spring Boot with its defaults, WebFlux, reactive MongoDB and
 * spring-kafka against the suite's broker and store. {@code POST /events}
 * ({@code {"workspace_id", "points"}}) inserts the event, sends it to a topic (acks=all,
 * idempotent producer, set on the command line) and answers 200 after both. A listener (three
 * consumers, one per partition) inserts the record's deliveries, one per endpoint, with one
 * insert, and posts each with WebClient on a pool of its own (15 s response timeout), signed
 * per Standard Webhooks with {@code bench.secret}; each outcome is one update of its delivery.
 * <p>
 * It does not do: tenancy, API keys, an outbox (the request sends to Kafka itself), an inbox
 * (an event read twice is delivered twice), a retry schedule (a failed attempt stays failed),
 * a circuit breaker or bulkhead (attempts in flight are bounded only by the pool's 500
 * connections per receiver, the rest wait for one), an SSRF guard, endpoint state or
 * batched outcome writes. Endpoints ({@code POST /endpoints {"url"}}) are kept in memory.
 * {@code GET /ready} answers 200 once each consumer has its partition.
 */
@SpringBootApplication
@RestController
public class BareWebhookSender {

	private static final Log logger = LogFactory.getLog(BareWebhookSender.class);

	private static final String TOPIC = "bench.bare.webhooks";

	private static final int PARTITIONS = 3;

	private static final String LISTENER = "deliveries";

	private static final String TYPE = "workspace.points_changed";

	private final List<String> endpoints = new CopyOnWriteArrayList<>();

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final KafkaListenerEndpointRegistry listeners;

	private final JsonMapper json;

	private final WebClient client;

	private final SecretKeySpec key;

	BareWebhookSender(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
			KafkaListenerEndpointRegistry listeners, JsonMapper json,
			@Value("${bench.secret:whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}") String secret) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.listeners = listeners;
		this.json = json;
		// HttpClient.create()'s 500 connections per host (the builder's default is 16 on 2 cores).
		ConnectionProvider pool = ConnectionProvider.builder("bare-webhooks")
			.maxConnections(500)
			.pendingAcquireMaxCount(-1)
			.build();
		HttpClient http = HttpClient.create(pool).responseTimeout(Duration.ofSeconds(15));
		this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		this.key = new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256");
	}

	public static void main(String[] args) {
		SpringApplication.run(BareWebhookSender.class, args);
	}

	@Bean
	NewTopic topic() {
		return new NewTopic(TOPIC, PARTITIONS, (short) 1);
	}

	@PostMapping("/endpoints")
	Map<String, String> register(@RequestBody Map<String, String> body) {
		this.endpoints.add(body.get("url"));
		return Map.of("id", Integer.toString(this.endpoints.size() - 1));
	}

	@GetMapping("/ready")
	ResponseEntity<Void> ready() {
		var listener = (ConcurrentMessageListenerContainer<?, ?>) this.listeners.getListenerContainer(LISTENER);
		long joined = listener.getContainers().stream()
			.filter((consumer) -> consumer.getAssignedPartitions() != null && !consumer.getAssignedPartitions().isEmpty())
			.count();
		return ResponseEntity.status((joined == PARTITIONS) ? 200 : 503).build();
	}

	@PostMapping("/events")
	Mono<Map<String, String>> event(@RequestBody Map<String, Object> body) {
		String id = new ObjectId().toHexString();
		Instant time = Instant.now();
		String workspace = (String) body.get("workspace_id");
		Map<String, Object> data = Map.of("points", body.get("points"));
		Document event = new Document("_id", id).append("type", TYPE).append("workspaceId", workspace)
			.append("time", Date.from(time)).append("data", data);
		// partner-service's body: the event's time is what the load generator measures from.
		String payload = this.json.writeValueAsString(
				Map.of("type", TYPE, "timestamp", time.toString(), "workspace_id", workspace, "data", data));
		return this.mongo.insert(event, "events")
			.flatMap((saved) -> Mono.fromFuture(this.kafka.send(TOPIC, id, payload)))
			.thenReturn(Map.of("id", id));
	}

	@KafkaListener(id = LISTENER, topics = TOPIC, concurrency = "" + PARTITIONS,
			groupId = "bench-bare-webhooks-#{T(java.util.UUID).randomUUID()}", properties = "auto.offset.reset=latest")
	void deliver(ConsumerRecord<String, String> record) {
		List<Document> deliveries = new ArrayList<>();
		for (String url : this.endpoints) {
			deliveries.add(new Document("_id", new ObjectId()).append("eventId", record.key()).append("url", url)
				.append("payload", record.value()).append("status", "pending").append("createdAt", new Date()));
		}
		if (deliveries.isEmpty()) {
			return;
		}
		// Stored before the next record, as the suite's listener does; sent without waiting.
		this.mongo.insert(deliveries, "deliveries").collectList().block(Duration.ofSeconds(30))
			.forEach((delivery) -> send(delivery).subscribe(null,
					(ex) -> logger.warn("Recording delivery " + delivery.get("_id") + " failed: " + ex.getMessage())));
	}

	private Mono<Void> send(Document delivery) {
		String id = "msg_" + delivery.getObjectId("_id").toHexString();
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String body = delivery.getString("payload");
		long started = System.nanoTime();
		return this.client.post()
			.uri(delivery.getString("url"))
			.contentType(MediaType.APPLICATION_JSON)
			.header("webhook-id", id)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature", "v1," + sign(id + "." + timestamp + "." + body))
			.bodyValue(body)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.map((status) -> new Document("status", status).append("error", (status / 100 == 2) ? null : "HTTP " + status))
			.onErrorResume((ex) -> Mono.just(new Document("error", String.valueOf(ex.getMessage()))))
			.flatMap((outcome) -> record(delivery.get("_id"),
					outcome.append("at", new Date()).append("ms", (System.nanoTime() - started) / 1_000_000)));
	}

	private Mono<Void> record(Object deliveryId, Document outcome) {
		Update update = Update.update("status", (outcome.get("error") == null) ? "succeeded" : "failed")
			.push("attempts", outcome);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId)), update, "deliveries").then();
	}

	private String sign(String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
