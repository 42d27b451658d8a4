package bench;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reference point of bench/ticket-routing-bench.sh (BARE=1): the least a ticket router can do
 * on the suite's stack, with the suite's two Kafka hops (room service, router, agent console).
 * Spring Boot with its defaults, WebFlux, reactive MongoDB and spring-kafka against the suite's
 * broker and store.
 * <ul>
 * <li>{@code POST /rooms} inserts a room, sends room-created to {@code bench.bare.rooms} (three
 * partitions, keyed by room; acks=all and the idempotent producer are set on the command line)
 * and answers {@code {"roomId"}} after both; {@code DELETE /rooms/{id}} marks it closed and
 * sends room-closed.</li>
 * <li>The router, one consumer per partition of one group, handles a record at a time, as the
 * suite's does: room-created takes the least loaded agent below its capacity (the one who got
 * a ticket longest ago among equals) in one {@code findAndModify}, inserts the ticket
 * ({@code ASSIGNED}) and sends ticket-assigned to {@code bench.bare.tickets}, keyed by agent;
 * room-closed sets the room's ticket {@code CHAT_CLOSED}, gives its agent the slot back and
 * sends ticket-closed.</li>
 * <li>{@code GET /agents/{id}/stream}: Server-Sent Events, the comment {@code listening} and
 * then {@code ticket-assigned} and {@code ticket-closed} with the event's JSON as data, read
 * from {@code bench.bare.tickets} in a consumer group of each instance's own.</li>
 * <li>{@code PUT /agents/{id}/online?capacity=N} (100 by default) registers an agent.
 * {@code GET /ready} answers 200 once each consumer has its partition.</li>
 * </ul>
 * It does not do: tenancy, tokens, domains or routing settings, an outbox (a request or the
 * router sends to Kafka itself, after its writes), an inbox (a record read twice is routed
 * twice), a queue (a room no agent can take gets no ticket), reassignment, auto-close,
 * presence (agents never go offline) or a gateway in front. Each start drops its database
 * ({@code spring.mongodb.database}): an earlier run's agents, whose streams are gone, would
 * take tickets.
 */
@SpringBootApplication(proxyBeanMethods = false)
@RestController
public class BareRouting {

	private static final String ROOMS = "bench.bare.rooms";

	private static final String TICKETS = "bench.bare.tickets";

	private static final int PARTITIONS = 3;

	private static final String ROUTER = "router";

	private static final String STREAMS = "streams";

	/** Events held for a console that reads slower than they come; past that they are lost. */
	private static final int BUFFERED = 1024;

	private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

	private final Map<String, Sinks.Many<ServerSentEvent<String>>> streams = new ConcurrentHashMap<>();

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final KafkaListenerEndpointRegistry listeners;

	private final JsonMapper json;

	BareRouting(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
			KafkaListenerEndpointRegistry listeners, JsonMapper json) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.listeners = listeners;
		this.json = json;
	}

	public static void main(String[] args) {
		SpringApplication.run(BareRouting.class, args);
	}

	@Bean
	NewTopic rooms() {
		return new NewTopic(ROOMS, PARTITIONS, (short) 1);
	}

	@Bean
	NewTopic tickets() {
		return new NewTopic(TICKETS, PARTITIONS, (short) 1);
	}

	/** Before the listeners start: an empty database, and the tickets found by room through an index. */
	@PostConstruct
	void startEmpty() {
		this.mongo.getMongoDatabase()
			.flatMap((database) -> Mono.from(database.drop()))
			.then(this.mongo.indexOps("tickets").createIndex(new Index("roomId", Sort.Direction.ASC)))
			.block(STORE_TIMEOUT);
	}

	@PutMapping("/agents/{id}/online")
	Mono<Map<String, Object>> online(@PathVariable("id") String id,
			@RequestParam(name = "capacity", defaultValue = "100") int capacity) {
		Update agent = Update.update("capacity", capacity)
			.setOnInsert("load", 0)
			.setOnInsert("lastAssignedAt", new Date(0));
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), agent, "agents")
			.thenReturn(Map.of("id", id, "capacity", capacity));
	}

	@GetMapping(path = "/agents/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> stream(@PathVariable("id") String id) {
		// Events that come before the stream subscribes wait in the sink's buffer.
		Sinks.Many<ServerSentEvent<String>> sink = this.streams.computeIfAbsent(id,
				(agent) -> Sinks.many().multicast().onBackpressureBuffer(BUFFERED, false));
		return Flux.concat(Mono.just(ServerSentEvent.<String>builder().comment("listening").build()), sink.asFlux());
	}

	@PostMapping("/rooms")
	Mono<Map<String, String>> open() {
		// Not an ObjectId's hex: Spring Data would read it back in queries as an ObjectId.
		String id = UUID.randomUUID().toString();
		Document room = new Document("_id", id).append("status", "OPEN").append("createdAt", new Date());
		return this.mongo.insert(room, "rooms")
			.then(send(ROOMS, id, new RoomEvent("room-created", id)))
			.thenReturn(Map.of("roomId", id));
	}

	@DeleteMapping("/rooms/{id}")
	Mono<ResponseEntity<Map<String, String>>> close(@PathVariable("id") String id) {
		Query open = Query.query(Criteria.where("_id").is(id).and("status").is("OPEN"));
		return this.mongo.updateFirst(open, Update.update("status", "CLOSED"), "rooms")
			.flatMap((result) -> (result.getMatchedCount() == 0) ? Mono.just(ResponseEntity.notFound().build())
					: send(ROOMS, id, new RoomEvent("room-closed", id))
						.thenReturn(ResponseEntity.ok(Map.of("roomId", id))));
	}

	@GetMapping("/ready")
	ResponseEntity<Void> ready() {
		long joined = Stream.of(ROUTER, STREAMS)
			.map((id) -> (ConcurrentMessageListenerContainer<?, ?>) this.listeners.getListenerContainer(id))
			.flatMap((listener) -> listener.getContainers().stream())
			.filter((consumer) -> consumer.getAssignedPartitions() != null
					&& !consumer.getAssignedPartitions().isEmpty())
			.count();
		return ResponseEntity.status((joined == 2 * PARTITIONS) ? 200 : 503).build();
	}

	@KafkaListener(id = ROUTER, topics = ROOMS, concurrency = "" + PARTITIONS, groupId = "bench-bare-routing",
			properties = "auto.offset.reset=latest")
	void route(String record) {
		RoomEvent event = this.json.readValue(record, RoomEvent.class);
		Mono<Void> routing = "room-created".equals(event.type()) ? assign(event.roomId()) : release(event.roomId());
		// The next record of the partition waits for this one's writes and send.
		routing.block(STORE_TIMEOUT);
	}

	@KafkaListener(id = STREAMS, topics = TICKETS, concurrency = "" + PARTITIONS,
			groupId = "bench-bare-routing-streams-#{T(java.util.UUID).randomUUID()}",
			properties = "auto.offset.reset=latest")
	void fanOut(ConsumerRecord<String, String> record) {
		Sinks.Many<ServerSentEvent<String>> sink = this.streams.get(record.key());
		if (sink != null) {
			TicketEvent event = this.json.readValue(record.value(), TicketEvent.class);
			// One agent's events come from one partition, so from one thread at a time.
			sink.tryEmitNext(ServerSentEvent.builder(record.value()).id(event.ticketId()).event(event.type()).build());
		}
	}

	private Mono<Void> assign(String roomId) {
		Query leastLoaded = Query.query(Criteria.expr(ComparisonOperators.valueOf("load").lessThan("capacity")))
			.with(Sort.by("load", "lastAssignedAt"));
		Update claim = new Update().inc("load", 1).set("lastAssignedAt", new Date());
		return this.mongo.findAndModify(leastLoaded, claim, Document.class, "agents")
			.flatMap((agent) -> ticket(roomId, agent.getString("_id")));
	}

	private Mono<Void> ticket(String roomId, String agentId) {
		String id = UUID.randomUUID().toString();
		Document ticket = new Document("_id", id).append("roomId", roomId).append("agentId", agentId)
			.append("status", "ASSIGNED");
		return this.mongo.insert(ticket, "tickets")
			.then(send(TICKETS, agentId, new TicketEvent("ticket-assigned", id, roomId, agentId, "ASSIGNED")));
	}

	private Mono<Void> release(String roomId) {
		Query held = Query.query(Criteria.where("roomId").is(roomId).and("status").is("ASSIGNED"));
		return this.mongo.findAndModify(held, Update.update("status", "CHAT_CLOSED"), Document.class, "tickets")
			.flatMap((ticket) -> {
				String agentId = ticket.getString("agentId");
				return this.mongo
					.updateFirst(Query.query(Criteria.where("_id").is(agentId)), new Update().inc("load", -1), "agents")
					.then(send(TICKETS, agentId,
							new TicketEvent("ticket-closed", ticket.getString("_id"), roomId, agentId, "CHAT_CLOSED")));
			});
	}

	/** Sends when subscribed, so only after the writes before it. */
	private Mono<Void> send(String topic, String key, Object event) {
		return Mono.fromFuture(() -> this.kafka.send(topic, key, this.json.writeValueAsString(event))).then();
	}

	/** A record of {@code bench.bare.rooms}. */
	record RoomEvent(String type, String roomId) {
	}

	/** A record of {@code bench.bare.tickets}, and the data of its Server-Sent Event. */
	record TicketEvent(String type, String ticketId, String roomId, String agentId, String status) {
	}

}
