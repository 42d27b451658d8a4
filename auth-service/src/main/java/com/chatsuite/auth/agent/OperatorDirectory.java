package com.chatsuite.auth.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.support.events.EventInbox;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the operators projection up to date from {@code directory.operators}; a
 * deactivation revokes the operator's agent tokens for that addon, announced on
 * {@code auth.revocations}.
 */
@Component
class OperatorDirectory {

	private final EventInbox inbox;

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final AuthProperties properties;

	private final Clock clock;

	OperatorDirectory(EventInbox inbox, ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events,
			AuthProperties properties, Clock clock) {
		this.inbox = inbox;
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@KafkaListener(topics = Topics.DIRECTORY_OPERATORS)
	void onDirectoryEvent(ConsumerRecord<String, byte[]> record) {
		// Widget visibility announcements are not for this service: no inbox round trips.
		// Nor are domains; operator announcements are idempotent upserts.
		this.inbox.handle(
				"operators", record, (event) -> event.data() instanceof WidgetVisibilityChanged
						|| event.data() instanceof DomainAnnounced || event.data() instanceof OperatorAnnounced,
				this::apply);
	}

	Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof OperatorCreated created) {
			return setStatus(created.operatorId(), event.orgid(), created.email(), created.addon(), created.active());
		}
		if (event.data() instanceof OperatorAnnounced announced) {
			// As it stands, repeated daily: its addons' status, without revoking again
			// what a deactivation revoked when it happened.
			return Flux.fromIterable(announced.addons())
				.concatMap((addon) -> setStatus(announced.operatorId(), event.orgid(), announced.email(), addon.addon(),
						addon.active()))
				.then();
		}
		if (event.data() instanceof OperatorAddonStatusChanged changed) {
			Mono<Void> update = setStatus(changed.operatorId(), event.orgid(), changed.email(), changed.addon(),
					changed.active());
			return changed.active() ? update
					: update.then(revoke(changed.operatorId(), event.orgid(), changed.addon()));
		}
		return Mono.empty();
	}

	private Mono<Void> setStatus(String operatorId, String orgId, String email, String addon, boolean active) {
		Update update = new Update().set("orgId", orgId).set("email", email).set("addons." + addon, active);
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(operatorId)), update,
					FindAndModifyOptions.options().upsert(true).returnNew(true), KnownOperator.class)
			.then();
	}

	private Mono<Void> revoke(String operatorId, String orgId, String addon) {
		Instant now = this.clock.instant();
		TokenRevoked data = new TokenRevoked(RevocationScope.SUBJECT, operatorId, addon, "operator deactivated", now,
				now.plus(this.properties.agentTokenTtl()).plus(Duration.ofMinutes(5)));
		return this.writes
			.updateIf(KnownOperator.class, Criteria.where("_id").is(operatorId), new Update(),
					this.events.of("operator:" + operatorId + ":" + addon, orgId, data))
			.then();
	}

}
