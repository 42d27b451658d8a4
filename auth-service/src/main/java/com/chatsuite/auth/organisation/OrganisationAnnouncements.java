package com.chatsuite.auth.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces every organisation again as it stands ({@code organisation-announced} on
 * {@code auth.organisations}) once its last announcement is older than
 * {@code suite.auth.announcements.every}. The topic keeps events for 7 days, so without
 * this a consumer that reads it from the start (a service deployed later, or one whose
 * database was lost) would never learn the organisations created before. Each
 * announcement is a write on the organisation's version: of the replicas looking at once,
 * one announces it.
 */
@Component
class OrganisationAnnouncements {

	private static final Log logger = LogFactory.getLog(OrganisationAnnouncements.class);

	/** How many batches one look takes at most, so that a look ends. */
	static final int MAX_BATCHES = 20;

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final AuthProperties.Announcements settings;

	private final Clock clock;

	OrganisationAnnouncements(ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events,
			AuthProperties properties, Clock clock) {
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.settings = properties.announcements();
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${suite.auth.announcements.check-interval:10m}",
			fixedDelayString = "${suite.auth.announcements.check-interval:10m}")
	void look() {
		announceDue().subscribe((count) -> {
			if (count > 0) {
				logger.info("Announced " + count + " organisations again as they stand");
			}
		}, (ex) -> logger.warn("Announcing organisations failed; will try again: " + ex.getMessage()));
	}

	/**
	 * Announces the organisations whose last announcement is due, the longest waiting
	 * first, a batch at a time while batches come back full (at most
	 * {@value #MAX_BATCHES} of them per look).
	 * @return how many this replica announced
	 */
	Mono<Long> announceDue() {
		Instant now = this.clock.instant();
		return batch(now, 1).expand((batch) -> (batch.full() && batch.number() < MAX_BATCHES)
				? batch(now, batch.number() + 1) : Mono.empty())
			.map(Batch::announced)
			.reduce(0L, Long::sum);
	}

	private Mono<Batch> batch(Instant now, int number) {
		Query due = Query
			.query(new Criteria().orOperator(Criteria.where("announcedAt").lte(now.minus(this.settings.every())),
					Criteria.where("announcedAt").is(null)))
			.with(Sort.by("announcedAt"))
			.limit(this.settings.batch());
		return this.mongo.find(due, Organisation.class)
			.concatMap((organisation) -> announce(organisation, now).thenReturn(1L)
				// Another replica announced it, or it changed: the next look sees it.
				.onErrorResume(ConcurrentChange.class, (ex) -> Mono.just(0L)))
			.collectList()
			.map((results) -> new Batch(number, results.size() == this.settings.batch(),
					results.stream().mapToLong(Long::longValue).sum()));
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

	private Mono<Organisation> announce(Organisation organisation, Instant now) {
		OrganisationAnnounced announced = new OrganisationAnnounced(organisation.id(),
				organisation.organisationDomain(), List.copyOf(new TreeSet<>(organisation.addons())), now);
		return this.writes.update(Organisation.class, organisation.id(), organisation.version(),
				Update.update("announcedAt", now), this.events.of(organisation.id(), organisation.id(), announced));
	}

}
