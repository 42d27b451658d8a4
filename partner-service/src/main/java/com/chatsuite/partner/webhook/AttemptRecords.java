package com.chatsuite.partner.webhook;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;

import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes the outcomes of delivery attempts to their deliveries in bulk: the attempts that
 * finish within a few milliseconds of each other (the deliveries of one event to its
 * endpoints, most often) are recorded with one round trip to the store instead of one
 * each. An attempt's write completes when its bulk write has; a bulk write that fails
 * fails each of its attempts' writes, whose deliveries then stay leased and are retried
 * after the lease, as when a single write fails.
 */
final class AttemptRecords {

	private static final Log logger = LogFactory.getLog(AttemptRecords.class);

	/** At most this many updates in one bulk write. */
	static final int MAX_BATCH = 200;

	/** How long the first update of a batch waits for others. */
	static final Duration LINGER = Duration.ofMillis(5);

	private static final Duration DRAIN = Duration.ofSeconds(5);

	/** Bulk writes in flight at once. */
	private static final int WRITERS = 2;

	private final ReactiveMongoTemplate mongo;

	private final Sinks.Many<Pending> queue = Sinks.many().unicast().onBackpressureBuffer();

	/** Completes when every update queued before {@link #close()} is written. */
	private final Mono<Void> drained;

	private final Disposable writing;

	AttemptRecords(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		// Fair back-pressure: a batch waits while both writers are busy instead of
		// overflowing them.
		this.drained = this.queue.asFlux()
			.bufferTimeout(MAX_BATCH, LINGER, true)
			.flatMap(this::write, WRITERS)
			.then()
			.doOnError((ex) -> logger.error("Recording webhook attempts stopped: " + ex.getMessage(), ex))
			.cache();
		this.writing = this.drained.subscribe(null, (ex) -> {
		});
	}

	/**
	 * Applies an update to a delivery along with the other updates of the moment.
	 * @param deliveryId the delivery
	 * @param update the change
	 * @return completes when the change is stored
	 */
	Mono<Void> update(String deliveryId, Update update) {
		return Mono.create((sink) -> {
			Sinks.EmitResult result;
			synchronized (this.queue) {
				result = this.queue.tryEmitNext(new Pending(deliveryId, update, sink));
			}
			if (result.isFailure()) {
				sink.error(new IllegalStateException("attempt records are closed (" + result + ")"));
			}
		});
	}

	private Mono<Void> write(List<Pending> batch) {
		var bulk = this.mongo.bulkOps(BulkMode.UNORDERED, Delivery.class);
		for (Pending pending : batch) {
			bulk.updateOne(Query.query(Criteria.where("_id").is(pending.deliveryId())), pending.update());
		}
		return bulk.execute()
			.doOnSuccess((result) -> batch.forEach((pending) -> pending.done().success()))
			.doOnError((ex) -> batch.forEach((pending) -> pending.done().error(ex)))
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	/**
	 * Writes what is queued, waiting a few seconds at most, and takes no more updates.
	 */
	void close() {
		synchronized (this.queue) {
			this.queue.tryEmitComplete();
		}
		try {
			this.drained.block(DRAIN); // allowed: shutdown, not an event loop
		}
		catch (RuntimeException ex) {
			logger.warn("Webhook attempts not recorded at shutdown are retried after their lease: " + ex.getMessage());
		}
		this.writing.dispose();
	}

	private record Pending(String deliveryId, Update update, MonoSink<Void> done) {
	}

}
