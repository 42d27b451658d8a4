package com.chatsuite.auth.organisation;

import java.time.Clock;
import java.util.List;
import java.util.TreeSet;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
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
 * Announces every organisation again as it stands ({@code organisation-announced} on
 * {@code auth.organisations}) once its last announcement is older than
 * {@code suite.auth.announcements.every}. The topic keeps events for 7 days, so without
 * this a consumer that reads it from the start (a service deployed later, or one whose
 * database was lost) would never learn the organisations created before.
 */
@Component
class OrganisationAnnouncements {

	private static final Log logger = LogFactory.getLog(OrganisationAnnouncements.class);

	private final Announcements<Organisation> announcements;

	OrganisationAnnouncements(ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events,
			AuthProperties properties, Clock clock) {
		AuthProperties.Announcements settings = properties.announcements();
		this.announcements = new Announcements<>(mongo, writes, Organisation.class,
				(organisation,
						now) -> Mono.just(events.of(organisation.id(), organisation.id(),
								new OrganisationAnnounced(organisation.id(), organisation.organisationDomain(),
										List.copyOf(new TreeSet<>(organisation.addons())), now))),
				settings.every(), settings.batch(), clock);
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
	 * Announces the organisations whose last announcement is due.
	 * @return how many this replica announced
	 */
	Mono<Long> announceDue() {
		return this.announcements.announceDue();
	}

}
