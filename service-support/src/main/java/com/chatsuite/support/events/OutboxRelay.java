package com.chatsuite.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.chatsuite.support.observability.TraceParents;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
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
 * Three paths, from the common to the rare, none of which searches a whole collection on
 * the way of a request:
 * <ol>
 * <li><b>Hand-over.</b> Right after a write, {@link OutboxWrites} hands the document's
 * new events to {@link #handOver}, which sends them in the background and removes them by
 * the document's id. The request does not wait for Kafka.</li>
 * <li><b>Pending markers.</b> When the hand-over cannot send (Kafka down, older events of
 * the same document still waiting), it records the document in the small
 * {@value #MARKERS} collection; the relay works through those markers every poll, one
 * replica per marker under a time-limited lease, and drops a marker once its document's
 * outbox is empty.</li>
 * <li><b>Sweep.</b> Now and then (and once shortly after start) the relay looks through
 * every outbox collection for events older than the send timeout and marks their
 * documents: the events of a replica that crashed between its write and its
 * hand-over.</li>
 * </ol>
 * In normal operation each event is sent once. A crash between the acknowledgement and
 * the removal can still send one twice; consumers de-duplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

	/** The collection of documents whose events wait for the relay. */
	public static final String MARKERS = "outbox_pending";

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, byte[]> kafka;

	private final List<String> collections;

	private final EventsProperties.Outbox properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	private final Sinks.Many<Long> kicks = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean failing = new AtomicBoolean();

	/**
	 * The events of hand-overs in progress, with their creation times: the part of the
	 * backlog that only this replica knows of.
	 */
	private final ConcurrentMap<String, Instant> handingOver = new ConcurrentHashMap<>();

	/**
	 * Events a hand-over of this replica sent and removed a moment ago. A marker round
	 * that read the document before the removal may still hold them: it must not send
	 * them again once they are no longer being handed over.
	 */
	private final Cache<String, Boolean> handedOver = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(2))
		.maximumSize(100_000)
		.build();

	/** The hand-over in progress per document, so its next one waits for it. */
	private final ConcurrentMap<String, Mono<Boolean>> handOvers = new ConcurrentHashMap<>();

	/**
	 * Where sends wait for the broker's metadata: a few threads of their own, so that
	 * while Kafka is away the waiting sends hold up nothing else of the application
	 * (daemon threads that end when idle).
	 */
	private final Scheduler sending = Schedulers.newBoundedElastic(4, 100_000, "outbox-send", 60, true);

	private volatile Disposable running;

	public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
			EventsProperties.Outbox properties, Clock clock) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.collections = List.copyOf(collections);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Sends the events a write has just added to a document, in the background, after the
	 * document's previous hand-over on this replica. When older events of the document
	 * wait that no hand-over here holds, or Kafka failed a moment ago, the document is
	 * marked for the relay instead, so events keep their order and none is sent twice.
	 * @param collection the document's collection
	 * @param id the document's id
	 * @param pending the document's outbox after the write, oldest first
	 * @param added the events the write added
	 */
	public void handOver(String collection, Object id, List<OutboxEvent> pending, List<OutboxEvent> added) {
		Set<String> ids = added.stream().map(OutboxEvent::eventId).collect(Collectors.toSet());
		// The write's events still stored, in their order; any of them already gone was
		// sent by another replica's relay (and the document read after it did so).
		List<OutboxEvent> fresh = pending.stream().filter((event) -> ids.contains(event.eventId())).toList();
		Set<String> stored = fresh.stream().map(OutboxEvent::eventId).collect(Collectors.toSet());
		added.stream()
			.map(OutboxEvent::eventId)
			.filter((eventId) -> !stored.contains(eventId))
			.forEach(this.handingOver::remove);
		if (fresh.isEmpty()) {
			return;
		}
		String key = markerId(collection, id);
		boolean olderWaiting = pending.size() > fresh.size();
		fresh.forEach((event) -> this.handingOver.put(event.eventId(), event.createdAt()));
		AtomicReference<Mono<Boolean>> started = new AtomicReference<>();
		this.handOvers.compute(key, (ignored, previous) -> {
			Mono<Boolean> next;
			if (previous == null && olderWaiting) {
				// Older events of the document wait and no hand-over of this replica
				// holds
				// them: the relay sends them all, in order.
				next = mark(collection, id).thenReturn(false);
			}
			else {
				// After the document's previous hand-over, so its events keep their
				// order;
				// if that one could not send, neither may this one.
				Mono<Boolean> prior = (previous != null) ? previous : Mono.just(true);
				next = prior.flatMap((sent) -> (sent && !this.failing.get()) ? send(collection, id, fresh)
						: mark(collection, id).thenReturn(false));
			}
			started.set(next.cache());
			return started.get();
		});
		Mono<Boolean> mine = started.get();
		mine.doFinally((signal) -> {
			this.handOvers.remove(key, mine);
			fresh.forEach((event) -> this.handingOver.remove(event.eventId()));
		})
			.subscribe(null, (ex) -> logger
				.warn("Could not hand over or mark the events of " + key + "; the sweep will find them: " + ex));
	}

	/**
	 * Events a write is about to add: a hand-over of this replica will hold them, so a
	 * marker round that reads the document between the write and the hand-over leaves
	 * them alone.
	 * @param events the events
	 */
	public void expect(List<OutboxEvent> events) {
		events.forEach((event) -> this.handingOver.put(event.eventId(), event.createdAt()));
	}

	/**
	 * Events {@link #expect expected} whose write failed or was given up on: the relay
	 * sends them if the write happened after all.
	 * @param events the events
	 */
	public void unexpect(List<OutboxEvent> events) {
		events.forEach((event) -> this.handingOver.remove(event.eventId()));
	}

	/**
	 * Whether a write or hand-over of this replica holds an event (it is counted in the
	 * backlog and no marker round here sends it).
	 * @param eventId the event id
	 * @return whether it is held
	 */
	boolean holds(String eventId) {
		return this.handingOver.containsKey(eventId);
	}

	private boolean handedOverHere(String eventId) {
		return this.handingOver.containsKey(eventId) || this.handedOver.getIfPresent(eventId) != null;
	}

	/** Sends events of one document in order, removing each once acknowledged. */
	private Mono<Boolean> send(String collection, Object id, List<OutboxEvent> events) {
		return Flux.fromIterable(events)
			.concatMap((event) -> send(event.topic(), event.key(), event.payload(), event.traceparent())
				.then(remove(collection, id, event.eventId()))
				// Remembered one by one: a marker round that read the document before
				// the removal must not send it again, even if a later event fails.
				.doOnSuccess((removed) -> this.handedOver.put(event.eventId(), Boolean.TRUE)))
			.then(Mono.just(true))
			.doOnSuccess((sent) -> recovered())
			.onErrorResume((ex) -> {
				reportFailure(ex);
				return mark(collection, id).thenReturn(false);
			});
	}

	/** Asks for a round of the pending markers now. */
	public void kick() {
		this.kicks.tryEmitNext(0L);
	}

	/**
	 * Relays the events of every marked document now, one round.
	 * @return the number of events sent
	 */
	public Mono<Long> relayPending() {
		return Mono.defer(this::claimMarker)
			.flatMap(this::relayMarked)
			.defaultIfEmpty(-1L)
			.repeat(this.properties.batchSize() - 1L)
			.takeWhile((sent) -> sent >= 0)
			.reduce(0L, Long::sum);
	}

	/**
	 * Marks every document whose events have waited longer than the send timeout, so the
	 * relay sends them.
	 * @return the number of documents marked
	 */
	public Mono<Long> sweep() {
		Date before = Date.from(this.clock.instant().minus(this.properties.sendTimeout()));
		Query stale = Query.query(Criteria.where(OutboxEvent.FIELD + ".0.createdAt").lt(before));
		stale.fields().include("_id");
		return Flux.fromIterable(this.collections)
			.concatMap((collection) -> this.mongo.find(stale, Document.class, collection)
				.concatMap((document) -> mark(collection, document.get("_id")).thenReturn(1L)))
			.reduce(0L, Long::sum);
	}

	@Override
	public void start() {
		if (this.collections.isEmpty()) {
			return;
		}
		Flux<Long> ticks = Flux.interval(Duration.ZERO, this.properties.pollInterval(), Schedulers.parallel());
		Disposable markers = Flux.merge(ticks, this.kicks.asFlux())
			.onBackpressureDrop()
			// One round at a time; a round repeats while it finds work, so a kick that
			// arrives during a round is not lost.
			.concatMap((tick) -> relayUntilIdle(), 1)
			.subscribe();
		Disposable sweeps = Flux
			.interval(this.properties.sendTimeout(), this.properties.sweepInterval(), Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap((tick) -> sweep().doOnNext((marked) -> {
				if (marked > 0) {
					logger.info("Found the waiting events of " + marked + " documents; relaying them");
					kick();
				}
			}).onErrorResume((ex) -> Mono.empty()), 1)
			.subscribe();
		this.running = Disposables.composite(markers, sweeps);
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
			this.running = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	private Mono<Long> relayUntilIdle() {
		return relayPending().expand((sent) -> (sent > 0) ? relayPending() : Mono.empty())
			.reduce(0L, Long::sum)
			.onErrorResume((ex) -> {
				reportFailure(ex);
				return Mono.just(0L);
			});
	}

	/** Records that a document has events waiting; marking it twice changes nothing. */
	private Mono<Void> mark(String collection, Object id) {
		Query marker = Query.query(Criteria.where("_id").is(markerId(collection, id)));
		Update update = new Update().setOnInsert("collection", collection)
			.setOnInsert("document", id)
			.setOnInsert("since", Date.from(this.clock.instant()));
		return this.mongo.upsert(marker, update, MARKERS).doOnSuccess((result) -> kick()).then();
	}

	/** Takes the lease on one marker, or completes empty. */
	private Mono<Document> claimMarker() {
		Date now = Date.from(this.clock.instant());
		Query free = Query.query(new Criteria().orOperator(Criteria.where("lease").exists(false),
				Criteria.where("lease.until").lt(now)));
		Update lease = Update.update("lease", new Document("owner", this.owner).append("until",
				Date.from(this.clock.instant().plus(this.properties.lease()))));
		return this.mongo.findAndModify(free, lease, FindAndModifyOptions.options().returnNew(true), Document.class,
				MARKERS);
	}

	/** Sends a marked document's events in order; drops the marker once none is left. */
	private Mono<Long> relayMarked(Document marker) {
		String collection = marker.getString("collection");
		Object id = marker.get("document");
		return this.mongo.findById(id, Document.class, collection)
			.map((document) -> document.getList(OutboxEvent.FIELD, Document.class, List.of()))
			.defaultIfEmpty(List.of())
			.flatMap((events) -> Flux.fromIterable(events)
				// Events a hand-over of this replica holds are its to send (or to mark
				// again): sending them here too would send them twice.
				.filter((event) -> !handedOverHere(event.getString(OutboxEvent.EVENT_ID)))
				.concatMap((event) -> send(event.getString("topic"), event.getString("key"), event.getString("payload"),
						event.getString(OutboxEvent.TRACEPARENT))
					.then(remove(collection, id, event.getString(OutboxEvent.EVENT_ID))))
				.count())
			.flatMap((sent) -> unmark(marker).thenReturn(sent))
			.doOnNext((sent) -> recovered())
			.onErrorResume((ex) -> release(marker).then(Mono.error(ex)));
	}

	private Mono<Void> send(String topic, String key, String payload, @Nullable String traceparent) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
				payload.getBytes(StandardCharsets.UTF_8));
		// Structured-mode CloudEvents over Kafka: the whole envelope is the value.
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		if (traceparent != null) {
			// The trace of the change the event describes, which the consumer's span
			// continues (W3C Trace Context over Kafka, as spring-kafka's observation
			// reads
			// it).
			record.headers().add(TraceParents.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
		}
		// send() itself may wait for topic metadata (max.block.ms), so it must not run on
		// the MongoDB driver's or an event-loop thread.
		return Mono.fromFuture(() -> this.kafka.send(record))
			.subscribeOn(this.sending)
			.timeout(this.properties.sendTimeout())
			.then();
	}

	/** Removes one sent event, by the document's id alone (its index, in any store). */
	private Mono<Void> remove(String collection, Object id, String eventId) {
		Update pull = new Update().pull(OutboxEvent.FIELD, new Document(OutboxEvent.EVENT_ID, eventId));
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), pull, collection).then();
	}

	/**
	 * Drops a marker held by this replica, unless its document got new events meanwhile.
	 */
	private Mono<Void> unmark(Document marker) {
		String collection = marker.getString("collection");
		Object id = marker.get("document");
		return this.mongo.findById(id, Document.class, collection)
			.map((document) -> !document.getList(OutboxEvent.FIELD, Document.class, List.of()).isEmpty())
			.defaultIfEmpty(false)
			.flatMap((more) -> more ? release(marker) : this.mongo
				.remove(Query.query(Criteria.where("_id").is(marker.get("_id")).and("lease.owner").is(this.owner)),
						MARKERS)
				.then());
	}

	private Mono<Void> release(Document marker) {
		Query mine = Query.query(Criteria.where("_id").is(marker.get("_id")).and("lease.owner").is(this.owner));
		return this.mongo.updateFirst(mine, new Update().unset("lease"), MARKERS).then();
	}

	/**
	 * How many events wait to be sent and since when: those of the documents marked for
	 * the relay (at most {@code markerLimit} documents read, by id), and those this
	 * replica is handing over. Events of a replica that stopped before its hand-over
	 * count from the next sweep on.
	 * @param markerLimit the most marked documents to read
	 * @return the backlog
	 */
	public Mono<Backlog> backlog(int markerLimit) {
		Query markers = new Query().limit(markerLimit);
		markers.fields().include("collection").include("document");
		Mono<Backlog> marked = this.mongo.find(markers, Document.class, MARKERS)
			.flatMap((marker) -> waitingIn(marker.getString("collection"), marker.get("document")), 4)
			.reduce(Backlog.EMPTY, Backlog::plus);
		return marked.map((stored) -> stored.plus(handingOver()));
	}

	private Mono<Backlog> waitingIn(String collection, Object id) {
		Query document = Query.query(Criteria.where("_id").is(id));
		document.fields().include(OutboxEvent.FIELD + ".createdAt");
		return this.mongo.findOne(document, Document.class, collection)
			.map((found) -> found.getList(OutboxEvent.FIELD, Document.class, List.of())
				.stream()
				.map((event) -> new Backlog(1, createdAt(event)))
				.reduce(Backlog.EMPTY, Backlog::plus))
			.defaultIfEmpty(Backlog.EMPTY);
	}

	private static @Nullable Instant createdAt(Document event) {
		Object value = event.get("createdAt");
		return (value instanceof Date date) ? date.toInstant() : null;
	}

	private Backlog handingOver() {
		Backlog backlog = Backlog.EMPTY;
		for (Instant createdAt : this.handingOver.values()) {
			backlog = backlog.plus(new Backlog(1, createdAt));
		}
		return backlog;
	}

	private static String markerId(String collection, Object id) {
		return collection + "/" + id;
	}

	/**
	 * Events waiting in the outbox.
	 *
	 * @param events how many
	 * @param oldest when the oldest was created, {@code null} when none waits
	 */
	public record Backlog(long events, @Nullable Instant oldest) {

		static final Backlog EMPTY = new Backlog(0, null);

		Backlog plus(Backlog other) {
			Instant first = (this.oldest == null) ? other.oldest
					: (other.oldest == null || this.oldest.isBefore(other.oldest)) ? this.oldest : other.oldest;
			return new Backlog(this.events + other.events, first);
		}

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
