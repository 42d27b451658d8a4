package com.chatsuite.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the events waiting in documents' {@code outbox} fields to Kafka, in order, and
 * removes each one once the broker has acknowledged it. While Kafka is unreachable the
 * events simply stay where they are; they go out once it is back.
 * <p>
 * A replica takes a document's events under a time-limited lease, so two replicas do not
 * send the same events at once. A crash between the acknowledgement and the removal can
 * still send an event twice; consumers de-duplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	private static final String LEASE = "outboxLease";

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, byte[]> kafka;

	private final List<String> collections;

	private final EventsProperties.Outbox properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	private final Sinks.Many<Long> kicks = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile Disposable loop;

	public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
			EventsProperties.Outbox properties, Clock clock) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.collections = List.copyOf(collections);
		this.properties = properties;
		this.clock = clock;
	}

	/** Asks for a round now, for example right after a document with events was saved. */
	public void kick() {
		this.kicks.tryEmitNext(0L);
	}

	/**
	 * Relays everything pending now, one round.
	 * @return the number of events sent
	 */
	public Mono<Long> relayPending() {
		return Flux.fromIterable(this.collections).concatMap(this::relayCollection).reduce(0L, Long::sum);
	}

	@Override
	public void start() {
		if (this.collections.isEmpty()) {
			return;
		}
		Flux<Long> ticks = Flux.interval(Duration.ZERO, this.properties.pollInterval(), Schedulers.parallel());
		this.loop = Flux.merge(ticks, this.kicks.asFlux())
			.onBackpressureDrop()
			// One round at a time; a round repeats while it finds work, so a kick that
			// arrives
			// during a round is not lost.
			.concatMap((tick) -> relayUntilIdle(), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.loop;
		if (current != null) {
			current.dispose();
			this.loop = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

	private Mono<Long> relayUntilIdle() {
		return relayPending().expand((sent) -> (sent > 0) ? relayPending() : Mono.empty())
			.reduce(0L, Long::sum)
			.doOnNext((sent) -> recovered())
			.onErrorResume((ex) -> {
				reportFailure(ex);
				return Mono.just(0L);
			});
	}

	private Mono<Long> relayCollection(String collection) {
		return Mono
			.defer(() -> claim(collection).flatMap((document) -> relayDocument(collection, document))
				.defaultIfEmpty(-1L))
			.repeat(this.properties.batchSize() - 1)
			.takeWhile((sent) -> sent >= 0)
			.reduce(0L, Long::sum);
	}

	/** Takes the lease on one document with pending events, or completes empty. */
	private Mono<Document> claim(String collection) {
		Date now = Date.from(this.clock.instant());
		Query pending = Query.query(Criteria.where(OutboxEvent.FIELD + ".0")
			.exists(true)
			.orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE + ".until").lt(now)));
		Update lease = Update.update(LEASE, new Document("owner", this.owner).append("until",
				Date.from(this.clock.instant().plus(this.properties.lease()))));
		return this.mongo.findAndModify(pending, lease, FindAndModifyOptions.options().returnNew(true), Document.class,
				collection);
	}

	/** Sends one document's events in order and answers how many were sent. */
	private Mono<Long> relayDocument(String collection, Document document) {
		Object id = document.get("_id");
		List<Document> events = document.getList(OutboxEvent.FIELD, Document.class, List.of());
		return Flux.fromIterable(events)
			.concatMap((event) -> send(event).then(remove(collection, id, event.getString(OutboxEvent.EVENT_ID))))
			.count()
			.flatMap((sent) -> release(collection, id).thenReturn(sent))
			.onErrorResume((ex) -> release(collection, id).then(Mono.error(ex)));
	}

	private Mono<Void> send(Document event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.getString("topic"), event.getString("key"),
				event.getString("payload").getBytes(StandardCharsets.UTF_8));
		// Structured-mode CloudEvents over Kafka: the whole envelope is the value.
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		// send() itself may wait for topic metadata (max.block.ms), so it must not run on
		// the
		// MongoDB driver's or an event-loop thread.
		return Mono.fromFuture(() -> this.kafka.send(record))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.sendTimeout())
			.then();
	}

	private Mono<Void> remove(String collection, Object id, String eventId) {
		Update pull = new Update().pull(OutboxEvent.FIELD, new Document(OutboxEvent.EVENT_ID, eventId));
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), pull, collection).then();
	}

	private Mono<Void> release(String collection, Object id) {
		Query mine = Query.query(Criteria.where("_id").is(id).and(LEASE + ".owner").is(this.owner));
		return this.mongo.updateFirst(mine, new Update().unset(LEASE), collection).then();
	}

	private void reportFailure(Throwable ex) {
		// Say it once per outage, not once per poll.
		if (this.failing.compareAndSet(false, true)) {
			logger.warn("Cannot relay outbox events yet; they stay stored and are retried: " + ex);
		}
	}

	private void recovered() {
		if (this.failing.compareAndSet(true, false)) {
			logger.info("Outbox relay is sending again");
		}
	}

}
