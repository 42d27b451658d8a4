package com.chatsuite.auth.organisation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.chatsuite.auth.AuthApiSupport;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.MovableClockConfiguration;
import com.chatsuite.testsupport.MutableClock;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every organisation is announced again as it stands once a day, so that
 * {@code auth.organisations} (7 days of events) always holds all of them; with a clock
 * the test moves, and the scheduled look kept out of the way.
 */
@Import(MovableClockConfiguration.class)
@SuiteIntegrationTest(properties = { "spring.mongodb.database=auth-announcement-tests",
		"suite.auth.announcements.check-interval=1h" })
class OrganisationAnnouncementsIntegrationTests extends AuthApiSupport {

	@Autowired
	private MutableClock clock;

	@Autowired
	private OrganisationAnnouncements announcements;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private EventJson json;

	@Test
	void anOrganisationIsAnnouncedAsItStandsADayAfterItsLastAnnouncementOnce() {
		String id = api().createOrganisation(List.of("partner", "livechat")).path("id").asString();
		// Its creation announced it.
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isZero();

		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		Instant now = this.clock.instant();
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isPositive();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(announced(id)).singleElement()
				.isEqualTo(new OrganisationAnnounced(id, announced(id).get(0).organisationDomain(),
						List.of("livechat", "partner"), now)));
		// MongoDB keeps milliseconds.
		assertThat(stored(id).announcedAt()).isEqualTo(now.truncatedTo(ChronoUnit.MILLIS));

		// Not again until another day has passed.
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isZero();
		this.clock.advance(Duration.ofHours(23));
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isZero();
		assertThat(announced(id)).hasSize(1);
	}

	@Test
	void anOrganisationStoredBeforeAnnouncementsIsAnnouncedAtTheNextLook() {
		String id = api().createOrganisation(List.of("livechat")).path("id").asString();
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("announcedAt"),
					Organisation.class)
			.block(Duration.ofSeconds(10));
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isPositive();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(announced(id)).singleElement()
				.extracting(OrganisationAnnounced::addons)
				.isEqualTo(List.of("livechat")));
		assertThat(stored(id).announcedAt()).isNotNull();
	}

	private Organisation stored(String id) {
		return this.mongo.findById(id, Organisation.class).block(Duration.ofSeconds(10));
	}

	private List<OrganisationAnnounced> announced(String id) {
		return EventCollector.readToEnd(Topics.AUTH_ORGANISATIONS)
			.stream()
			.filter((record) -> id.equals(record.key()))
			.map((record) -> this.json.fromBytes(record.value()).data())
			.filter(OrganisationAnnounced.class::isInstance)
			.map(OrganisationAnnounced.class::cast)
			.toList();
	}

}
