package com.chatsuite.support.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Announces aggregates again as they stand once their last announcement (or their
 * creation) is older than a period, so that a topic that keeps events for a limited time
 * always holds every aggregate: a consumer reading it from the start (a service deployed
 * later, or one whose database was lost) learns them all. An announcement is a write on
 * the aggregate's version with its event, through the outbox: of replicas looking at
 * once, one announces each aggregate, and an announcement never carries a state a change
 * made meanwhile has overtaken.
 *
 * @param <T> the aggregate type, with an {@code announcedAt} field and a version
 */
public final class Announcements<T extends Announcements.Announceable> {

	private static final Log logger = LogFactory.getLog(Announcements.class);

	/** How many batches one look takes at most, so that a look ends. */
	public static final int MAX_BATCHES = 20;

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final Class<T> type;

	private final BiFunction<T, Instant, Mono<OutboxEvent>> announcement;

	private final Duration every;

	private final int batch;

	private final Clock clock;

	/**
	 * Announcements of one aggregate type.
	 * @param mongo the store
	 * @param writes the outbox writes
	 * @param type the aggregate type
	 * @param announcement the outbox event announcing an aggregate as it stands at a time
	 * (it may read what else it needs)
	 * @param every how long after its last announcement an aggregate is announced again
	 * @param batch how many one batch announces at most
	 * @param clock the clock
	 */
	public Announcements(ReactiveMongoTemplate mongo, OutboxWrites writes, Class<T> type,
			BiFunction<T, Instant, Mono<OutboxEvent>> announcement, Duration every, int batch, Clock clock) {
		this.mongo = mongo;
		this.writes = writes;
		this.type = type;
		this.announcement = announcement;
		this.every = every;
		this.batch = batch;
		this.clock = clock;
	}

	/**
	 * Announces the aggregates whose last announcement is due, the longest waiting first,
	 * a batch at a time while batches come back full (at most {@value #MAX_BATCHES}).
	 * @return how many this replica announced
	 */
	public Mono<Long> announceDue() {
		Instant now = this.clock.instant();
		return batch(now, 1).expand((batch) -> (batch.full() && batch.number() < MAX_BATCHES)
				? batch(now, batch.number() + 1) : Mono.empty())
			.map(Batch::announced)
			.reduce(0L, Long::sum);
	}

	private Mono<Batch> batch(Instant now, int number) {
		Query due = Query.query(new Criteria().orOperator(Criteria.where("announcedAt").lte(now.minus(this.every)),
				Criteria.where("announcedAt").is(null)))
			.with(Sort.by("announcedAt"))
			.limit(this.batch);
		return this.mongo.find(due, this.type)
			.concatMap((aggregate) -> Mono.defer(() -> announce(aggregate, now))
				.thenReturn(1L)
				// Another replica announced it, or it changed: the next look sees it.
				.onErrorResume(ConcurrentChange.class, (ex) -> Mono.just(0L))
				// One that cannot be announced (a document the event refuses, a failed
				// write) must not stop the others, which it comes before in every look.
				.onErrorResume((ex) -> {
					logger.warn("Could not announce " + this.type.getSimpleName() + " " + aggregate.id() + ": " + ex);
					return Mono.just(0L);
				}))
			.collectList()
			.map((results) -> new Batch(number, results.size() == this.batch,
					results.stream().mapToLong(Long::longValue).sum()));
	}

	private Mono<T> announce(T aggregate, Instant now) {
		return this.announcement.apply(aggregate, now)
			.flatMap((event) -> this.writes.update(this.type, aggregate.id(), aggregate.version(),
					Update.update("announcedAt", now), event));
	}

	/**
	 * An aggregate announced again as it stands.
	 */
	public interface Announceable extends OutboxWrites.Aggregate {

		/**
		 * The optimistic lock version.
		 * @return the version
		 */
		Long version();

		/**
		 * When it was last announced as it stands (or created).
		 * @return the time, {@code null} for aggregates stored before announcements
		 */
		Instant announcedAt();

	}

	/**
	 * One batch of a look.
	 *
	 * @param number which batch of the look
	 * @param full whether it found as many as a batch takes (more may be due)
	 * @param announced how many it announced
	 */
	private record Batch(int number, boolean full, long announced) {
	}

}
