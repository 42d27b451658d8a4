package com.chatsuite.support.events;

import java.time.Clock;
import java.util.Date;
import java.util.function.Function;
import java.util.function.Predicate;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Receives events for one service: parses the CloudEvents envelope, skips an event this
 * consumer has already processed, runs the handler and remembers the event id. A record
 * that is not a valid event fails at once and goes to the dead-letter topic; a handler
 * that fails is retried a bounded number of times by the container's error handler, then
 * dead-lettered.
 * <p>
 * The id is remembered after the handler succeeded, so a crash in between replays the
 * event: handlers make their changes idempotent (upserts keyed by ids, conditional
 * updates).
 */
public class EventInbox {

	/** The collection of processed event ids, per consuming service. */
	public static final String COLLECTION = "processed_events";

	private static final Log logger = LogFactory.getLog(EventInbox.class);

	private final ReactiveMongoTemplate mongo;

	private final EventJson json;

	private final EventsProperties.Consumer properties;

	private final Clock clock;

	public EventInbox(ReactiveMongoTemplate mongo, EventJson json, EventsProperties.Consumer properties, Clock clock) {
		this.mongo = mongo;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Handles one record on the Kafka listener thread that delivered it.
	 * @param consumer the name of the consuming feature, scoping de-duplication
	 * @param record the record
	 * @param handler what to do with the event
	 */
	public void handle(String consumer, ConsumerRecord<String, byte[]> record,
			Function<CloudEvent<?>, Mono<Void>> handler) {
		handle(consumer, record, (event) -> false, handler);
	}

	/**
	 * Handles one record on the Kafka listener thread that delivered it, like
	 * {@link #handle(String, ConsumerRecord, Function)}, except that the events for which
	 * {@code withoutInbox} holds skip the inbox: those the handler ignores, and those it
	 * handles idempotently by itself (a conditional update keyed by a sequence number,
	 * say). For them, reading and writing the inbox would only cost two round trips to
	 * the store each, for events as frequent as chat messages and ticket changes.
	 * @param consumer the name of the consuming feature, scoping de-duplication
	 * @param record the record
	 * @param withoutInbox which events need no de-duplication
	 * @param handler what to do with the event
	 */
	public void handle(String consumer, ConsumerRecord<String, byte[]> record, Predicate<CloudEvent<?>> withoutInbox,
			Function<CloudEvent<?>, Mono<Void>> handler) {
		CloudEvent<?> event = this.json.fromBytes(record.value());
		if (logger.isDebugEnabled()) {
			// With the trace id of the consumer's span, which continues the producer's.
			logger
				.debug("Handling " + event.type() + " " + event.id() + " from " + record.topic() + " for " + consumer);
		}
		Mono<Void> handling = withoutInbox.test(event) ? Mono.defer(() -> handler.apply(event))
				: process(consumer, event, handler);
		try {
			// allowed: a Kafka listener thread, not an event loop
			handling.block(this.properties.handlerTimeout());
		}
		catch (RuntimeException ex) {
			throw OutageBackOff.marked(ex);
		}
	}

	/**
	 * The reactive form of {@link #handle}: runs the handler unless the event was
	 * processed before, then remembers it.
	 * @param consumer the name of the consuming feature
	 * @param event the event
	 * @param handler what to do with it
	 * @return completes when the event is processed or skipped
	 */
	public Mono<Void> process(String consumer, CloudEvent<?> event, Function<CloudEvent<?>, Mono<Void>> handler) {
		String key = consumer + "/" + event.id();
		return alreadyProcessed(key).flatMap((seen) -> seen ? Mono.<Void>empty()
				: Mono.defer(() -> handler.apply(event)).then(remember(key, event)));
	}

	private Mono<Boolean> alreadyProcessed(String key) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(key)), COLLECTION);
	}

	private Mono<Void> remember(String key, CloudEvent<?> event) {
		Document processed = new Document("_id", key).append("type", event.type())
			.append("processedAt", Date.from(this.clock.instant()));
		return this.mongo.insert(processed, COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
