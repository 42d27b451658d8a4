package com.chatsuite.directory.announcement;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.directory.DirectoryProperties;
import com.chatsuite.directory.domain.Domain;
import com.chatsuite.directory.operator.Operator;
import com.chatsuite.directory.visibility.VisibilityWatch;
import com.chatsuite.support.events.Announcements;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces every operator and every domain (with its assignments) again as it stands on
 * {@code directory.operators} once its last announcement is older than
 * {@code suite.directory.announcements.every}. The topic keeps events for 7 days, so
 * without this a consumer that reads it from the start (a service deployed later, or one
 * whose database was lost: ticket-service's agents and domains, auth-service's operators,
 * partner-service's flows) would never learn the operators and domains made before.
 */
@Component
class DirectoryAnnouncements {

	private static final Log logger = LogFactory.getLog(DirectoryAnnouncements.class);

	private final Announcements<Operator> operators;

	private final Announcements<Domain> domains;

	DirectoryAnnouncements(ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events,
			VisibilityWatch visibility, DirectoryProperties properties, Clock clock) {
		DirectoryProperties.Announcements settings = properties.announcements();
		this.operators = new Announcements<>(mongo, writes, Operator.class,
				(operator, now) -> Mono.just(events.of(operator.id(), operator.orgId(), announced(operator, now))),
				settings.every(), settings.batch(), clock);
		// A domain's announcement carries its widget's last verdict too: a flow rebuilt
		// from the topic learns whether it shows (its verdict's own event is sent only
		// when the verdict changes).
		this.domains = new Announcements<>(
				mongo, writes, Domain.class, (domain,
						now) -> visibility.lastVerdict(domain.id())
							.map(Optional::of)
							.defaultIfEmpty(Optional.empty())
							.map((verdict) -> events.of(domain.id(), domain.orgId(),
									announced(domain, verdict.orElse(null), now))),
				settings.every(), settings.batch(), clock);
	}

	@Scheduled(initialDelayString = "${suite.directory.announcements.check-interval:10m}",
			fixedDelayString = "${suite.directory.announcements.check-interval:10m}")
	void look() {
		announceDue().subscribe((count) -> {
			if (count > 0) {
				logger.info("Announced " + count + " operators and domains again as they stand");
			}
		}, (ex) -> logger.warn("Announcing operators and domains failed; will try again: " + ex.getMessage()));
	}

	/**
	 * Announces the operators and domains whose last announcement is due.
	 * @return how many this replica announced
	 */
	Mono<Long> announceDue() {
		// Each type on its own: one failing does not hold the other back.
		return count(this.operators, "operators").zipWith(count(this.domains, "domains"), Long::sum);
	}

	private static Mono<Long> count(Announcements<?> announcements, String what) {
		return announcements.announceDue().onErrorResume((ex) -> {
			logger.warn("Announcing " + what + " failed; will try again: " + ex.getMessage());
			return Mono.just(0L);
		});
	}

	private static OperatorAnnounced announced(Operator operator, Instant now) {
		return new OperatorAnnounced(operator.id(), operator.email(), operator.name(),
				operator.addons()
					.stream()
					.map((membership) -> new OperatorAnnounced.AddonStatus(membership.addon(), membership.active()))
					.toList(),
				now);
	}

	private static DomainAnnounced announced(Domain domain, DomainAnnounced.Visibility visibility, Instant now) {
		return new DomainAnnounced(domain.id(), domain.name(), domain.email(), domain.addon(), domain.active(),
				domain.operators()
					.stream()
					.map((assignment) -> new DomainAnnounced.AssignedOperator(assignment.operatorId(),
							assignment.admin(), assignment.onlineStatus(), assignment.enabled(), assignment.uniqueId()))
					.toList(),
				visibility, now);
	}

}
