package com.chatsuite.directory.organisation;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The organisation status projection.
 */
@Component
public class Organisations {

	private final ReactiveMongoTemplate mongo;

	Organisations(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Tells whether an organisation is active.
	 * @param orgId the organisation
	 * @return whether it is active; {@code true} unless it was disabled
	 */
	public Mono<Boolean> isActive(String orgId) {
		return this.mongo.findById(orgId, OrganisationState.class).map(OrganisationState::active).defaultIfEmpty(true);
	}

	/**
	 * Records a status change unless a later one is already recorded; applying the same
	 * change twice changes nothing.
	 * @param orgId the organisation
	 * @param active the new status
	 * @param changedAt when it changed
	 * @return completes when recorded or found stale
	 */
	Mono<Void> record(String orgId, boolean active, Instant changedAt) {
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(orgId).and("changedAt").lt(changedAt));
		Update latest = Update.update("active", active).set("changedAt", changedAt);
		// Nothing older matched and the id exists: a newer change is recorded already.
		return this.mongo.upsert(olderOrAbsent, latest, OrganisationState.class)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
