package com.chatsuite.directory.visibility;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.AssignmentUpdated;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.directory.OperatorAssigned;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.directory.domain.Domain;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.EventInbox;
import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Announces {@code widget-visibility-changed} whenever the answer of the widget check for
 * a domain changes, so that consumers (partner-service's {@code list-flows}) know it
 * without asking on every page view.
 * <p>
 * A domain is looked at again after anything its answer depends on changed: its own
 * events and its assignments' (read back from {@code directory.operators}, so after they
 * are stored), and, from the listeners that record them, an operator's presence, the
 * organisation's status and its workspace's. A look reads the last verdict first, then
 * the facts, and writes conditionally on the verdict's version, even when nothing
 * changed: of two looks at once, the one that read older facts loses and looks again.
 */
@Component
public class VisibilityWatch {

	static final String CONSUMER = "widget-visibility";

	private final ReactiveMongoTemplate mongo;

	private final VisibilityService visibility;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final EventInbox inbox;

	private final Clock clock;

	VisibilityWatch(ReactiveMongoTemplate mongo, VisibilityService visibility, OutboxWrites writes, OutboxEvents events,
			EventInbox inbox, Clock clock) {
		this.mongo = mongo;
		this.visibility = visibility;
		this.writes = writes;
		this.events = events;
		this.inbox = inbox;
		this.clock = clock;
	}

	@KafkaListener(topics = Topics.DIRECTORY_OPERATORS, groupId = "${spring.application.name}-widget-visibility")
	void onDirectoryEvent(ConsumerRecord<String, byte[]> record) {
		// Looking again changes nothing when nothing changed: no inbox needed.
		this.inbox.handle(CONSUMER, record, (event) -> true, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		Object data = event.data();
		if (data instanceof DomainCreated created) {
			return domain(created.domainId());
		}
		if (data instanceof DomainUpdated updated) {
			return domain(updated.domainId());
		}
		if (data instanceof OperatorAssigned assigned) {
			return domain(assigned.domainId());
		}
		if (data instanceof AssignmentUpdated updated) {
			return domain(updated.domainId());
		}
		if (data instanceof OperatorAddonStatusChanged changed) {
			return operator(event.orgid(), changed.operatorId());
		}
		return Mono.empty();
	}

	/**
	 * Looks again at every domain of an organisation.
	 * @param orgId the organisation
	 * @return completes when each is announced or found unchanged
	 */
	public Mono<Void> organisation(String orgId) {
		return each(Query.query(Criteria.where("orgId").is(orgId)));
	}

	/**
	 * Looks again at the domains an operator is assigned to.
	 * @param orgId the operator's organisation
	 * @param operatorId the operator
	 * @return completes when each is announced or found unchanged
	 */
	public Mono<Void> operator(String orgId, String operatorId) {
		return each(Query.query(Criteria.where("orgId").is(orgId).and("operators.operatorId").is(operatorId)));
	}

	private Mono<Void> each(Query domains) {
		return this.mongo.find(domains, Domain.class).concatMap((domain) -> domain(domain.id())).then();
	}

	/**
	 * Looks again at one domain.
	 * @param domainId the domain
	 * @return completes when announced or found unchanged
	 */
	Mono<Void> domain(String domainId) {
		Mono<Void> look = Mono.defer(() -> this.mongo.findById(domainId, WidgetVerdict.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((last) -> this.mongo.findById(domainId, Domain.class)
				.flatMap((domain) -> this.visibility.check(domain)
					.flatMap((verdict) -> record(domain, last.orElse(null), verdict)))));
		return ConcurrentChange.retrying(look, "domain");
	}

	private Mono<Void> record(Domain domain, WidgetVerdict last, Verdict verdict) {
		if (last == null) {
			WidgetVerdict first = new WidgetVerdict(domain.id(), domain.orgId(), verdict.visible(), verdict.reason(),
					null, List.of(announcement(domain, verdict)));
			return this.writes.insert(first)
				.onErrorMap(DuplicateKeyException.class, (ex) -> new ConcurrentChange())
				.then();
		}
		if (last.says(verdict)) {
			Query unchanged = Query.query(Criteria.where("_id").is(last.id()).and("version").is(last.version()));
			return this.mongo.updateFirst(unchanged, new Update().inc("version", 1), WidgetVerdict.class)
				.flatMap((result) -> (result.getMatchedCount() == 0) ? Mono.error(new ConcurrentChange())
						: Mono.empty());
		}
		Update changed = Update.update("visible", verdict.visible()).set("reason", verdict.reason());
		return this.writes
			.update(WidgetVerdict.class, last.id(), last.version(), changed, announcement(domain, verdict))
			.then();
	}

	private OutboxEvent announcement(Domain domain, Verdict verdict) {
		return this.events.of(domain.id(), domain.orgId(), new WidgetVisibilityChanged(domain.id(), domain.name(),
				domain.addon(), verdict.visible(), verdict.reason(), this.clock.instant()));
	}

}
