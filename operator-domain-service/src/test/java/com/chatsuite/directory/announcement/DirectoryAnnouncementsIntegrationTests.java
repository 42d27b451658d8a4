package com.chatsuite.directory.announcement;

import java.time.Duration;
import java.util.List;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.directory.AdminApi;
import com.chatsuite.directory.DirectoryIntegrationTest;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.MovableClockConfiguration;
import com.chatsuite.testsupport.MutableClock;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator and domain is announced again as it stands once a day, so that
 * {@code directory.operators} (7 days of events) always holds all of them; with a clock
 * the test moves, and the scheduled look kept out of the way.
 */
@Import(MovableClockConfiguration.class)
@SuiteIntegrationTest(properties = { "spring.mongodb.database=directory-announcement-tests",
		"suite.directory.announcements.check-interval=1h" })
class DirectoryAnnouncementsIntegrationTests extends DirectoryIntegrationTest {

	@Autowired
	private MutableClock clock;

	@Autowired
	private DirectoryAnnouncements announcements;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void operatorsAndDomainsAreAnnouncedAsTheyStandADayAfterTheirLastAnnouncementOnce() {
		AdminApi tenant = newTenant(LIVECHAT);
		String operatorId = tenant.newOperator("ana@announced.example");
		tenant.newDomain("shop.example");
		tenant.assigned("shop.example", operatorId);
		String domainId = eventually().until(() -> EventCollector.readToEnd(Topics.DIRECTORY_OPERATORS)
			.stream()
			.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
			.filter((event) -> tenant.orgId().equals(event.orgid()) && event.data() instanceof DomainCreated)
			.map((event) -> ((DomainCreated) event.data()).domainId())
			.findFirst()
			.orElse(null), (id) -> id != null);
		// Their creation announced them.
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isZero();
		// The domain's widget was looked at (no operator online: hidden).
		eventually().until(() -> this.mongo.findById(domainId, Document.class, "widget_verdicts")
			.blockOptional(Duration.ofSeconds(5))
			.isPresent());

		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(2);
		eventually().untilAsserted(() -> {
			List<Object> announced = announced(tenant.orgId());
			assertThat(announced).hasSize(2);
			assertThat(announced).filteredOn(OperatorAnnounced.class::isInstance)
				.singleElement()
				.isInstanceOfSatisfying(OperatorAnnounced.class, (operator) -> {
					assertThat(operator.operatorId()).isEqualTo(operatorId);
					assertThat(operator.email()).isEqualTo("ana@announced.example");
					assertThat(operator.addons()).containsExactly(new OperatorAnnounced.AddonStatus(LIVECHAT, true));
				});
			assertThat(announced).filteredOn(DomainAnnounced.class::isInstance)
				.singleElement()
				.isInstanceOfSatisfying(DomainAnnounced.class, (domain) -> {
					assertThat(domain.domainId()).isEqualTo(domainId);
					assertThat(domain.name()).isEqualTo("shop.example");
					assertThat(domain.active()).isTrue();
					assertThat(domain.operators()).extracting(DomainAnnounced.AssignedOperator::operatorId)
						.containsExactly(operatorId);
					assertThat(domain.visibility()).isNotNull();
					assertThat(domain.visibility().visible()).isFalse();
				});
		});

		// Not again until another day has passed.
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isZero();

		// An operator stored before announcements (no announcedAt) is announced at the
		// next look.
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(operatorId)), new Update().unset("announcedAt"),
					"operators")
			.block(Duration.ofSeconds(10));
		assertThat(this.announcements.announceDue().block(Duration.ofSeconds(10))).isOne();
		eventually().untilAsserted(
				() -> assertThat(announced(tenant.orgId())).filteredOn(OperatorAnnounced.class::isInstance).hasSize(2));
	}

	private List<Object> announced(String orgId) {
		return EventCollector.readToEnd(Topics.DIRECTORY_OPERATORS)
			.stream()
			.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
			.filter((event) -> orgId.equals(event.orgid()))
			.map(CloudEvent::data)
			.filter((data) -> data instanceof OperatorAnnounced || data instanceof DomainAnnounced)
			.map(Object.class::cast)
			.toList();
	}

}
