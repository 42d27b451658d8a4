package com.chatsuite.directory.visibility;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
public class VisibilityWatch implements DisposableBean {

	static final String CONSUMER = "widget-visibility";

	/** How many domains of one organisation are looked at at once. */
	private static final int CONCURRENT_LOOKS = 8;

	private static final Log logger = LogFactory.getLog(VisibilityWatch.class);

	private final ReactiveMongoTemplate mongo;

	private final VisibilityService visibility;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final EventInbox inbox;

	private final Clock clock;

	private volatile Disposable first;

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
	 * The verdict last announced for a domain, with its version.
	 * @param domainId the domain
	 * @return the verdict, empty before the first look at the domain
	 */
	public Mono<DomainAnnounced.Visibility> lastVerdict(String domainId) {
		return this.mongo.findById(domainId, WidgetVerdict.class)
			.map((verdict) -> new DomainAnnounced.Visibility(verdict.visible(), verdict.reason(), verdict.version()));
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
		// A few at once, so that an organisation of many domains is looked at well within
		// its listener's time.
		return this.mongo.find(domains, Domain.class).flatMap((domain) -> domain(domain.id()), CONCURRENT_LOOKS).then();
	}

	/**
	 * At start-up, looks at the domains never looked at (those older than this watch and
	 * gone from the topic), one at a time and in the background.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void lookAtDomainsNeverLookedAt() {
		Query ids = new Query();
		ids.fields().include("_id");
		this.first = this.mongo.find(ids, Document.class, "domains")
			.map((domain) -> String.valueOf(domain.get("_id")))
			.concatMap((id) -> this.mongo.exists(Query.query(Criteria.where("_id").is(id)), WidgetVerdict.class)
				.flatMap((looked) -> looked ? Mono.empty() : domain(id))
				.onErrorResume((ex) -> {
					logger.warn("Could not look at the widget of domain " + id + ": " + ex.getMessage());
					return Mono.empty();
				}))
			.subscribe(null, (ex) -> logger.warn("Could not look for domains never looked at: " + ex.getMessage()));
	}

	@Override
	public void destroy() {
		Disposable running = this.first;
		if (running != null) {
			running.dispose();
		}
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
					null, List.of(announcement(domain, verdict, 0)));
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
			.update(WidgetVerdict.class, last.id(), last.version(), changed,
					announcement(domain, verdict, last.version() + 1))
			.then();
	}

	private OutboxEvent announcement(Domain domain, Verdict verdict, long version) {
		return this.events.of(domain.id(), domain.orgId(), new WidgetVisibilityChanged(domain.id(), domain.name(),
				domain.addon(), verdict.visible(), verdict.reason(), version, this.clock.instant()));
	}

}
