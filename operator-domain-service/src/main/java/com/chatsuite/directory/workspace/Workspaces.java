package com.chatsuite.directory.workspace;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The workspace projection: whether an organisation's partner workspace is paused, and
 * its addons. An organisation without a workspace is never paused.
 */
@Component
public class Workspaces {

	private final ReactiveMongoTemplate mongo;

	Workspaces(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Tells whether an organisation's workspace is paused.
	 * @param orgId the organisation
	 * @return whether it is paused; {@code false} without a workspace
	 */
	public Mono<Boolean> isPaused(String orgId) {
		return this.mongo.findById(orgId, WorkspaceState.class).map(WorkspaceState::paused).defaultIfEmpty(false);
	}

	Mono<WorkspaceState> find(String workspaceId) {
		return this.mongo.findById(workspaceId, WorkspaceState.class);
	}

	/**
	 * Records a new workspace with its addons; applying it twice changes nothing.
	 * @param workspaceId the workspace
	 * @param addons its addons
	 * @param createdAt when it was created
	 * @return completes when recorded
	 */
	Mono<Void> created(String workspaceId, List<String> addons, Instant createdAt) {
		Update update = new Update().addToSet("addons")
			.each(addons.toArray())
			.setOnInsert("paused", false)
			.setOnInsert("statusChangedAt", createdAt);
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(workspaceId)), update, WorkspaceState.class)
			.then();
	}

	/**
	 * Records that an addon was installed on or removed from a workspace's organisation.
	 * @param workspaceId the workspace
	 * @param addon the addon
	 * @param installed whether it is installed now
	 * @return completes when recorded
	 */
	Mono<Void> addonChanged(String workspaceId, String addon, boolean installed) {
		Update update = installed ? new Update().addToSet("addons", addon) : new Update().pull("addons", addon);
		update.setOnInsert("paused", false).setOnInsert("statusChangedAt", Instant.EPOCH);
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(workspaceId)), update, WorkspaceState.class)
			.then();
	}

	/**
	 * Records a pause or an activation unless a later one is recorded already.
	 * @param workspaceId the workspace
	 * @param paused whether it is paused now
	 * @param changedAt when it changed
	 * @return completes when recorded or found stale
	 */
	Mono<Void> statusChanged(String workspaceId, boolean paused, Instant changedAt) {
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(workspaceId).and("statusChangedAt").lt(changedAt));
		Update latest = Update.update("paused", paused).set("statusChangedAt", changedAt);
		// Nothing older matched and the id exists: a later change is recorded already.
		return this.mongo.upsert(olderOrAbsent, latest, WorkspaceState.class)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
