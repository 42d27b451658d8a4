package com.chatsuite.directory.presence;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.directory.Tenant;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The presence projection: records agents' presence changes and answers operators'
 * presence. An operator never heard of is offline.
 */
@Component
public class Presences {

	private final ReactiveMongoTemplate mongo;

	Presences(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Records a presence change unless a later one is already recorded; applying the same
	 * change twice changes nothing.
	 * @param orgId the organisation
	 * @param addon the addon
	 * @param operatorId the operator
	 * @param status the new presence
	 * @param changedAt when it changed
	 * @return completes when recorded or found stale
	 */
	Mono<Void> record(String orgId, String addon, String operatorId, AgentStatus status, Instant changedAt) {
		String id = AgentPresence.key(orgId, addon, operatorId);
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and("changedAt").lt(changedAt));
		Update latest = Update.update("status", status).set("changedAt", changedAt);
		// The upsert inserts when nothing older matched; if a newer record exists the
		// insert collides with its id, which means this event is stale.
		return this.mongo.upsert(olderOrAbsent, latest, AgentPresence.class)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	/**
	 * One operator's presence in the tenant's addon.
	 * @param tenant the tenant
	 * @param operatorId the operator
	 * @return the presence, {@code OFFLINE} when unknown
	 */
	public Mono<AgentStatus> of(Tenant tenant, String operatorId) {
		return this.mongo.findById(AgentPresence.key(tenant.orgId(), tenant.addon(), operatorId), AgentPresence.class)
			.map(AgentPresence::status)
			.defaultIfEmpty(AgentStatus.OFFLINE);
	}

	/**
	 * Several operators' presence in the tenant's addon, in one indexed query.
	 * @param tenant the tenant
	 * @param operatorIds the operators
	 * @return presence by operator id; operators not in it are offline
	 */
	public Mono<Map<String, AgentStatus>> of(Tenant tenant, Collection<String> operatorIds) {
		if (operatorIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		String prefix = AgentPresence.key(tenant.orgId(), tenant.addon(), "");
		Map<String, String> operatorByKey = operatorIds.stream()
			.distinct()
			.collect(Collectors.toMap((operatorId) -> prefix + operatorId, Function.identity()));
		return this.mongo.find(Query.query(Criteria.where("_id").in(operatorByKey.keySet())), AgentPresence.class)
			.collectMap((presence) -> operatorByKey.get(presence.id()), AgentPresence::status);
	}

}
