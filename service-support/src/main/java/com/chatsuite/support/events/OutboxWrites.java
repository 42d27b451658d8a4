package com.chatsuite.support.events;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Stores a change together with the event describing it, in one single-document write,
 * then hands the event to the outbox relay, which sends it in the background at once.
 * Every write of a document with an outbox goes through here: a save elsewhere would
 * leave its events to the relay's occasional sweep.
 * <p>
 * A write can fail after the server applied it (a connection lost before the answer, or
 * the embedded test store failing while recording it in its oplog). Such an outcome is
 * never guessed: an insert looks for the document it wrote, and an update is decided
 * again from what is stored, which every caller does idempotently.
 */
public class OutboxWrites {

	private final ReactiveMongoTemplate mongo;

	private final ObjectProvider<OutboxRelay> relay;

	public OutboxWrites(ReactiveMongoTemplate mongo, ObjectProvider<OutboxRelay> relay) {
		this.mongo = mongo;
		this.relay = relay;
	}

	/**
	 * Inserts a new document whose outbox holds the event of its creation.
	 * @param document the document
	 * @param <T> its type
	 * @return the stored document; a {@code DuplicateKeyException} when a unique key is
	 * taken
	 */
	@SuppressWarnings("unchecked")
	public <T extends Aggregate> Mono<T> insert(T document) {
		Class<T> type = (Class<T>) document.getClass();
		return expecting(document.outbox(),
				this.mongo.insert(document)
					.onErrorResume(OutboxWrites::isUnknownOutcome,
							(ex) -> this.mongo.findById(document.id(), type).switchIfEmpty(Mono.error(ex)))
					.doOnNext((stored) -> handOver(type, stored.id(), stored, document.outbox())));
	}

	/**
	 * Applies changes to a document if it is still at the version that was read, adding
	 * the event to its outbox and moving the version on.
	 * @param type the document type
	 * @param id the document id
	 * @param version the version read
	 * @param changes the field changes
	 * @param event the event describing them
	 * @param <T> the document type
	 * @return the document after the change; {@link ConcurrentChange} when the version
	 * moved on in the meantime or the outcome is unknown
	 */
	public <T extends Aggregate> Mono<T> update(Class<T> type, String id, Long version, Update changes,
			OutboxEvent event) {
		return update(type, id, version, changes, List.of(event));
	}

	/**
	 * Applies changes to a document if it is still at the version that was read, adding
	 * the events to its outbox in order and moving the version on.
	 * @param type the document type
	 * @param id the document id
	 * @param version the version read
	 * @param changes the field changes
	 * @param events the events describing them, oldest first
	 * @param <T> the document type
	 * @return the document after the change; {@link ConcurrentChange} when the version
	 * moved on in the meantime or the outcome is unknown
	 */
	public <T extends Aggregate> Mono<T> update(Class<T> type, String id, Long version, Update changes,
			List<OutboxEvent> events) {
		Criteria unchanged = Criteria.where("_id").is(id).and("version").is(version);
		return updateIf(type, unchanged, changes.inc("version", 1), events)
			.switchIfEmpty(Mono.error(ConcurrentChange::new));
	}

	/**
	 * Applies changes to the one document matching a condition, adding the event to its
	 * outbox; for documents without a version whose change is decided by one of their
	 * fields (a revocation applies only while {@code revokedAt} is unset).
	 * @param type the document type
	 * @param condition selects the document, and only while the change still applies
	 * @param changes the field changes
	 * @param event the event describing them
	 * @param <T> the document type
	 * @return the document after the change; empty when no document matches the
	 * condition; {@link ConcurrentChange} when the outcome is unknown
	 */
	public <T extends HasOutbox> Mono<T> updateIf(Class<T> type, Criteria condition, Update changes,
			OutboxEvent event) {
		return updateIf(type, condition, changes, List.of(event));
	}

	private <T extends HasOutbox> Mono<T> updateIf(Class<T> type, Criteria condition, Update changes,
			List<OutboxEvent> events) {
		// Never a replace of the whole document: the relay removes sent events from the
		// same array with $pull, and a replace based on an earlier read would put them
		// back.
		Update update = changes.push("outbox").each(events.toArray());
		return expecting(events,
				this.mongo
					.findAndModify(Query.query(condition), update, FindAndModifyOptions.options().returnNew(true), type)
					.onErrorMap(OutboxWrites::isUnknownOutcome, ConcurrentChange::new)
					.doOnNext((stored) -> handOver(type, idOf(type, stored), stored, events)));
	}

	private Object idOf(Class<?> type, Object stored) {
		return this.mongo.getConverter()
			.getMappingContext()
			.getRequiredPersistentEntity(type)
			.getIdentifierAccessor(stored)
			.getIdentifier();
	}

	private static boolean isUnknownOutcome(Throwable ex) {
		return ex instanceof UncategorizedMongoDbException || ex instanceof DataAccessResourceFailureException;
	}

	/**
	 * Tells the relay of a write's events before it is made, so that a round of its
	 * pending markers that reads the document before the hand-over does not send them
	 * too; a write that fails or is given up on (no hand-over) leaves them to the relay.
	 */
	private <T> Mono<T> expecting(List<OutboxEvent> events, Mono<T> write) {
		OutboxRelay relay = this.relay.getIfAvailable();
		if (relay == null || events.isEmpty()) {
			return write;
		}
		return Mono.defer(() -> {
			relay.expect(events);
			// Once the write is handed over, its hand-over holds the events:
			// a cancel that comes after the answer must not free them.
			AtomicBoolean handedOver = new AtomicBoolean();
			return write.doOnNext((stored) -> handedOver.set(true))
				.doOnError((ex) -> relay.unexpect(events))
				.doOnCancel(() -> {
					if (!handedOver.get()) {
						relay.unexpect(events);
					}
				})
				.switchIfEmpty(Mono.fromRunnable(() -> relay.unexpect(events)));
		});
	}

	/**
	 * Hands the document's new events to the relay, which sends them in the background.
	 */
	private void handOver(Class<?> type, Object id, HasOutbox stored, List<OutboxEvent> added) {
		OutboxRelay relay = this.relay.getIfAvailable();
		if (relay != null) {
			relay.handOver(this.mongo.getCollectionName(type), id, stored.outbox(), added);
		}
	}

	/**
	 * A document that is the aggregate of the events in its outbox.
	 */
	public interface Aggregate extends HasOutbox {

		/**
		 * The document id, also the subject of its events.
		 * @return the id
		 */
		String id();

	}

}
