package com.chatsuite.ticket.routing;

import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.ticket.TicketsProperties;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Organisations' routing settings, with the configured defaults for those that set none.
 */
@Component
public class Settings {

	private final ReactiveMongoTemplate mongo;

	private final TicketsProperties properties;

	Settings(ReactiveMongoTemplate mongo, TicketsProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/**
	 * An organisation's settings.
	 * @param orgId the organisation
	 * @return its settings, the defaults when it set none
	 */
	public Mono<RoutingSettings> of(String orgId) {
		return this.mongo.findById(orgId, RoutingSettings.class).defaultIfEmpty(defaults(orgId));
	}

	/**
	 * Stores changed settings if they are unchanged since they were read.
	 * @param read the settings as read
	 * @param changed the new values
	 * @return the settings stored; {@code ConcurrentChange} when another change came
	 * first
	 */
	Mono<RoutingSettings> save(RoutingSettings read, RoutingSettings changed) {
		long version = ((read.version() != null) ? read.version() : 0) + 1;
		RoutingSettings next = new RoutingSettings(read.id(), changed.capacity(), changed.autoCloseWarningSeconds(),
				changed.autoCloseSeconds(), changed.updatedAt(), version);
		if (read.updatedAt() == null) {
			// The defaults: nothing stored yet.
			return this.mongo.insert(next).onErrorMap(DuplicateKeyException.class, (ex) -> new ConcurrentChange());
		}
		// Matches a document stored before versions too: a missing field is null.
		Query unchanged = Query.query(Criteria.where("_id").is(read.id()).and("version").is(read.version()));
		Update update = Update.update("capacity", next.capacity())
			.set("autoCloseWarningSeconds", next.autoCloseWarningSeconds())
			.set("autoCloseSeconds", next.autoCloseSeconds())
			.set("updatedAt", next.updatedAt())
			.set("version", version);
		return this.mongo.updateFirst(unchanged, update, RoutingSettings.class)
			.flatMap(
					(result) -> (result.getMatchedCount() == 1) ? Mono.just(next) : Mono.error(new ConcurrentChange()));
	}

	private RoutingSettings defaults(String orgId) {
		return new RoutingSettings(orgId, this.properties.capacity(), this.properties.autoCloseWarning().toSeconds(),
				this.properties.autoClose().toSeconds(), null, null);
	}

}
