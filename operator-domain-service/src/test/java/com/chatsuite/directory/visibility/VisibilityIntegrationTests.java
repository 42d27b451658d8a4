package com.chatsuite.directory.visibility;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.AddonInstalled;
import com.chatsuite.contracts.events.auth.AddonRemoved;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.contracts.events.partner.WorkspaceActivated;
import com.chatsuite.contracts.events.partner.WorkspacePaused;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.directory.AdminApi;
import com.chatsuite.directory.DirectoryIntegrationTest;
import com.chatsuite.directory.organisation.Organisations;
import com.chatsuite.support.security.RevocationList;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.json.JsonCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget check over real events: presence from ticket-service and organisation status
 * from auth-service arrive on Kafka, and each visibility rule is broken on its own.
 */
@SuiteIntegrationTest
class VisibilityIntegrationTests extends DirectoryIntegrationTest {

	private static final String VISIBLE = "{\"type\": \"success\", \"data\": {\"isWidgetVisible\": true}}";

	@Autowired
	private Organisations organisations;

	@Autowired
	private RevocationList revocations;

	@Autowired
	private VisibilityWatch watch;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void widgetShowsWhenEveryRuleHolds() {
		AdminApi livechat = newTenant(LIVECHAT);
		visibleDomain(livechat, "shop.example");
		livechat.checkVisibility("SHOP.example")
			.expectStatus()
			.isOk()
			.expectBody()
			.json(VISIBLE, JsonCompareMode.STRICT);
	}

	@Test
	void unknownDomainIsNotFoundInTheFailureShape() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.checkVisibility("nowhere.example")
			.expectStatus()
			.isNotFound()
			.expectBody()
			.json("""
					{"type": "failure", "data": {"isWidgetVisible": false,
					 "reason": "domain 'nowhere.example' is not registered for this organisation and addon"}}""",
					JsonCompareMode.STRICT);
	}

	@Test
	void inactiveDomainHidesTheWidget() {
		AdminApi livechat = newTenant(LIVECHAT);
		visibleDomain(livechat, "shop.example");
		livechat.updateDomain("shop.example", Map.of("status", false)).expectStatus().isOk();
		livechat.checkVisibility("shop.example")
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"type": "failure", "data": {"isWidgetVisible": false, "reason": "domain 'shop.example' is inactive"}}""",
					JsonCompareMode.STRICT);
	}

	@Test
	void disabledOrganisationHidesTheWidgetUntilEnabledAgain() {
		AdminApi livechat = newTenant(LIVECHAT);
		visibleDomain(livechat, "shop.example");
		Instant disabledAt = Instant.now();
		publish(livechat.orgId(), livechat.orgId(),
				new OrganisationDisabled(livechat.orgId(), "domain-of-" + livechat.orgId(), disabledAt));
		// Its tokens are refused everywhere, so the check itself is refused too.
		eventually().untilAsserted(() -> {
			assertRejected(livechat.checkVisibility("shop.example").expectStatus().isUnauthorized(), "access_token",
					"organisation disabled");
			assertThat(this.organisations.isActive(livechat.orgId()).block()).isFalse();
		});
		// A replica whose revocation list has not caught up yet still answers from its
		// projection.
		this.revocations.apply(CloudEvent.of("test", livechat.orgId(), livechat.orgId(),
				new OrganisationEnabled(livechat.orgId(), "domain-of-" + livechat.orgId(), disabledAt.plusMillis(1)),
				Instant.now()));
		assertFailure(livechat, "shop.example", "the organisation is disabled");

		publish(livechat.orgId(), livechat.orgId(),
				new OrganisationEnabled(livechat.orgId(), "domain-of-" + livechat.orgId(), Instant.now()));
		awaitVisible(livechat, "shop.example", true);
	}

	@Test
	void domainWithoutOperatorsHidesTheWidget() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.newDomain("shop.example");
		assertFailure(livechat, "shop.example", "no operator is assigned to domain 'shop.example'");
	}

	@Test
	void operatorInactiveInTheAddonDoesNotCount() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = visibleDomain(livechat, "shop.example");
		livechat.updateOperator(operatorId, Map.of("status", 0)).expectStatus().isOk();
		assertFailure(livechat, "shop.example",
				"no operator assigned to domain 'shop.example' is active in addon 'livechat'");
	}

	@Test
	void sellerBuyerAssignmentWithStatusFalseDoesNotCount() {
		AdminApi sellerBuyer = newTenant(SELLER_BUYER);
		String operatorId = visibleDomain(sellerBuyer, "shop.example");
		sellerBuyer.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "status", false))
			.expectStatus()
			.isOk();
		assertFailure(sellerBuyer, "shop.example",
				"no active operator of domain 'shop.example' has status true on its assignment (receives messages)");
	}

	@Test
	void assignmentWithOnlineStatusFalseDoesNotCount() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = visibleDomain(livechat, "shop.example");
		livechat.updateAssignment(operatorId, Map.of("domain_name", "shop.example", "online_status", false))
			.expectStatus()
			.isOk();
		assertFailure(livechat, "shop.example", "no active operator of domain 'shop.example' has online_status true");
	}

	@Test
	void operatorWhoIsNotOnlineDoesNotCount() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		assertFailure(livechat, "shop.example", "no available operator of domain 'shop.example' is online");

		presence(livechat, operatorId, AgentStatus.ONLINE);
		awaitVisible(livechat, "shop.example", true);
		presence(livechat, operatorId, AgentStatus.AWAY);
		awaitVisible(livechat, "shop.example", false);
		assertFailure(livechat, "shop.example", "no available operator of domain 'shop.example' is online");
	}

	@Test
	void aPresenceEventDeliveredAgainOrLateDoesNotOverrideALaterOne() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		Instant now = Instant.now();
		CloudEvent<?> online = presence(livechat, operatorId, AgentStatus.ONLINE, now.minusSeconds(10));
		awaitVisible(livechat, "shop.example", true);
		presence(livechat, operatorId, AgentStatus.BUSY, now);
		awaitPresence(livechat, operatorId, AgentStatus.BUSY);

		publish(online);
		presence(livechat, operatorId, AgentStatus.ONLINE, now.minusSeconds(5));
		// A marker event after them: once it is applied, the two before it were too.
		String marker = livechat.newOperator("marker@example.org");
		presence(livechat, marker, AgentStatus.AWAY);
		awaitPresence(livechat, marker, AgentStatus.AWAY);
		livechat.getOperator(operatorId).expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo(3);
		assertFailure(livechat, "shop.example", "is online");
	}

	@Test
	void presenceReportedForAnotherOrganisationDoesNotCount() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		livechat.newDomain("shop.example");
		livechat.assigned("shop.example", operatorId);
		AdminApi other = newTenant(LIVECHAT);
		presence(other, operatorId, AgentStatus.ONLINE);
		presence(api(livechat.orgId(), SELLER_BUYER), operatorId, AgentStatus.ONLINE);
		String marker = livechat.newOperator("marker@example.org");
		presence(livechat, marker, AgentStatus.ONLINE);
		awaitPresence(livechat, marker, AgentStatus.ONLINE);
		assertFailure(livechat, "shop.example", "is online");
	}

	@Test
	void oneOperatorMeetingEveryRuleIsEnough() {
		AdminApi livechat = newTenant(LIVECHAT);
		String ready = visibleDomain(livechat, "shop.example");
		String away = livechat.newOperator("grace@example.org");
		livechat.assigned("shop.example", away);
		String inactive = livechat.newOperator("linus@example.org");
		livechat.assigned("shop.example", inactive);
		presence(livechat, inactive, AgentStatus.ONLINE);
		awaitPresence(livechat, inactive, AgentStatus.ONLINE);
		livechat.updateOperator(inactive, Map.of("status", 0)).expectStatus().isOk();
		livechat.checkVisibility("shop.example")
			.expectStatus()
			.isOk()
			.expectBody()
			.json(VISIBLE, JsonCompareMode.STRICT);

		// Without the ready one, the other active operator is not online: that rule is
		// named.
		livechat.updateAssignment(ready, Map.of("domain_name", "shop.example", "online_status", false))
			.expectStatus()
			.isOk();
		assertFailure(livechat, "shop.example", "no available operator of domain 'shop.example' is online");
	}

	@Test
	void checkNeedsAValidDomainName() {
		AdminApi livechat = newTenant(LIVECHAT);
		assertRejected(livechat.visibilityWithout().expectStatus().isBadRequest(), "domain_name",
				"domain_name is required");
		assertRejected(livechat.checkVisibility("https://shop.example").expectStatus().isBadRequest(), "domain_name",
				"without scheme");
	}

	@Test
	void pausedWorkspaceHidesItsWidgetsUntilItIsActivated() {
		AdminApi livechat = newTenant(LIVECHAT);
		String workspace = livechat.orgId();
		workspaceOnPlan(workspace, "starter", 3, 1, LIVECHAT);
		visibleDomain(livechat, "shop.example");
		Instant pausedAt = Instant.now();

		workspaceEvent(workspace,
				new WorkspacePaused(workspace, "partner-of-" + workspace, "invoice overdue", pausedAt));
		assertFailure(livechat, "shop.example", "workspace paused");

		workspaceEvent(workspace,
				new WorkspaceActivated(workspace, "partner-of-" + workspace, pausedAt.plusSeconds(1)));
		livechat.checkVisibility("shop.example")
			.expectStatus()
			.isOk()
			.expectBody()
			.json(VISIBLE, JsonCompareMode.STRICT);

		// A pause older than the activation, arriving late, changes nothing.
		workspaceEvent(workspace, new WorkspacePaused(workspace, "partner-of-" + workspace, "late", pausedAt));
		livechat.checkVisibility("shop.example")
			.expectStatus()
			.isOk()
			.expectBody()
			.json(VISIBLE, JsonCompareMode.STRICT);
	}

	@Test
	void everyChangeOfTheAnswerIsAnnouncedOnceOnDirectoryOperators() throws Exception {
		AdminApi livechat = newTenant(LIVECHAT);
		String workspace = livechat.orgId();
		workspaceOnPlan(workspace, "starter", 3, 1, LIVECHAT);
		Instant pausedAt = Instant.now();
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			String operatorId = livechat.newOperator("ada@example.org");
			livechat.newDomain("shop.example");
			awaitAnnounced(events, workspace, 1, "no operator is assigned to domain 'shop.example'");
			livechat.assigned("shop.example", operatorId);
			awaitAnnounced(events, workspace, 2, "no available operator of domain 'shop.example' is online");
			presence(livechat, operatorId, AgentStatus.ONLINE);
			awaitAnnounced(events, workspace, 3, null);
			// Facts that change nothing announce nothing.
			presence(livechat, operatorId, AgentStatus.ONLINE, Instant.now());
			livechat.updateDomain("shop.example", Map.of("email", "web@shop.example")).expectStatus().isOk();
			workspaceEvent(workspace,
					new WorkspacePaused(workspace, "partner-of-" + workspace, "invoice overdue", pausedAt));
			awaitAnnounced(events, workspace, 4, "workspace paused");
			workspaceEvent(workspace,
					new WorkspaceActivated(workspace, "partner-of-" + workspace, pausedAt.plusSeconds(1)));
			awaitAnnounced(events, workspace, 5, null);
			presence(livechat, operatorId, AgentStatus.OFFLINE, Instant.now());
			awaitAnnounced(events, workspace, 6, "no available operator of domain 'shop.example' is online");

			List<WidgetVisibilityChanged> announced = announcements(events, workspace);
			assertThat(announced).extracting(WidgetVisibilityChanged::visible)
				.containsExactly(false, false, true, false, true, false);
			assertThat(announced).extracting(WidgetVisibilityChanged::name).containsOnly("shop.example");
			assertThat(announced).extracting(WidgetVisibilityChanged::addon).containsOnly(LIVECHAT);
			assertThat(announced).extracting(WidgetVisibilityChanged::version)
				.doesNotHaveDuplicates()
				.isSorted()
				.startsWith(0L);
			String domainId = events.records()
				.stream()
				.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
				.filter((event) -> event.data() instanceof DomainCreated && event.orgid().equals(workspace))
				.findFirst()
				.orElseThrow()
				.subject();
			assertThat(announced).extracting(WidgetVisibilityChanged::domainId).containsOnly(domainId);
			assertThat(eventsOf(events, workspace, domainId))
				.filteredOn((event) -> event.data() instanceof WidgetVisibilityChanged)
				.hasSize(6);
		}
	}

	@Test
	void aRemovedAddonHidesItsWidgetsUntilItIsInstalledAgain() throws Exception {
		AdminApi livechat = newTenant(LIVECHAT);
		String orgId = livechat.orgId();
		visibleDomain(livechat, "shop.example");
		Instant removedAt = Instant.now();
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			publish(orgId, orgId, new AddonRemoved(orgId, LIVECHAT, removedAt));
			awaitEmbedVisible(orgId, "shop.example", false);
			// Announced too, with the reason.
			eventually().until(() -> lastAnnouncement(events, orgId), (last) -> last != null && !last.visible()
					&& "addon 'livechat' is not installed for the organisation".equals(last.reason()));

			publish(orgId, orgId, new AddonInstalled(orgId, LIVECHAT, removedAt.plusSeconds(1)));
			awaitEmbedVisible(orgId, "shop.example", true);
			eventually().until(() -> lastAnnouncement(events, orgId), (last) -> last != null && last.visible());
			// A removal older than the installation, arriving late, changes nothing.
			publish(orgId, orgId, new AddonRemoved(orgId, LIVECHAT, removedAt));
			publish(orgId, orgId, new AddonInstalled(orgId, SELLER_BUYER, Instant.now()));
			eventually().until(() -> this.organisations.hasAddon(orgId, SELLER_BUYER).block());
			awaitEmbedVisible(orgId, "shop.example", true);
		}
	}

	@Test
	void anAnnouncementOfTheOrganisationAsItStandsDecidesTheAddonsNotChangedSince() throws Exception {
		AdminApi livechat = newTenant(LIVECHAT);
		String orgId = livechat.orgId();
		visibleDomain(livechat, "shop.example");
		// This projection knows the organisation (another addon's change) but never heard
		// of livechat (a rebuilt one), which then counts as installed.
		publish(orgId, orgId, new AddonInstalled(orgId, SELLER_BUYER, Instant.now().minusSeconds(60)));
		eventually().until(() -> this.mongo.findById(orgId, Document.class, "organisation_states")
			.blockOptional(Duration.ofSeconds(5))
			.map((state) -> state.get("addons", Document.class))
			.filter((addons) -> addons.containsKey(SELLER_BUYER))
			.isPresent());
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(orgId)), new Update().unset("addons." + LIVECHAT),
					"organisation_states")
			.block(Duration.ofSeconds(10));
		try (EventCollector events = EventCollector.of(Topics.DIRECTORY_OPERATORS)) {
			// The removal of livechat was missed (older than the topic): the announcement
			// says what is installed.
			publish(orgId, orgId, new OrganisationAnnounced(orgId, "sub", List.of(SELLER_BUYER), Instant.now()));
			awaitEmbedVisible(orgId, "shop.example", false);
			eventually().until(() -> lastAnnouncement(events, orgId), (last) -> last != null && !last.visible()
					&& "addon 'livechat' is not installed for the organisation".equals(last.reason()));
			int announcedSoFar = announcements(events, orgId).size();

			// The same state announced again the next day changes nothing.
			publish(orgId, orgId,
					new OrganisationAnnounced(orgId, "sub", List.of(SELLER_BUYER), Instant.now().plusSeconds(1)));
			// An installation after it decides for its addon.
			publish(orgId, orgId, new AddonInstalled(orgId, LIVECHAT, Instant.now().plusSeconds(2)));
			awaitEmbedVisible(orgId, "shop.example", true);
			eventually().until(() -> lastAnnouncement(events, orgId), (last) -> last != null && last.visible());
			assertThat(announcements(events, orgId)).hasSize(announcedSoFar + 1);
			assertThat(this.organisations.hasAddon(orgId, SELLER_BUYER).block()).isTrue();
		}
	}

	private WidgetVisibilityChanged lastAnnouncement(EventCollector events, String orgId) {
		List<WidgetVisibilityChanged> announced = announcements(events, orgId);
		return announced.isEmpty() ? null : announced.get(announced.size() - 1);
	}

	private void awaitEmbedVisible(String orgId, String domain, boolean visible) {
		eventually().until(() -> body(this.web.get()
			.uri((uri) -> uri.path("/embed/widget-visibility")
				.queryParam("organisation", orgId)
				.queryParam("addon", LIVECHAT)
				.queryParam("domain", domain)
				.build())
			.exchange()).path("visible").asBoolean(!visible), (answer) -> answer == visible);
	}

	@Test
	void domainsNeverLookedAtAreLookedAtOnStartUp() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.newDomain("shop.example");
		String domainId = eventually().until(
				() -> this.mongo.findOne(Query.query(Criteria.where("orgId").is(livechat.orgId())), WidgetVerdict.class)
					.map(WidgetVerdict::id)
					.block(),
				(id) -> id != null);
		// As for a domain older than the watch, gone from the topic.
		this.mongo.remove(Query.query(Criteria.where("_id").is(domainId)), WidgetVerdict.class).block();

		this.watch.lookAtDomainsNeverLookedAt();
		WidgetVerdict verdict = eventually().until(() -> this.mongo.findById(domainId, WidgetVerdict.class).block(),
				(found) -> found != null);
		assertThat(verdict.visible()).isFalse();
		assertThat(verdict.reason()).isEqualTo("no operator is assigned to domain 'shop.example'");
	}

	/** Waits for the n-th announcement of the organisation's widgets, and checks it. */
	private void awaitAnnounced(EventCollector events, String orgId, int count, String reason) {
		List<WidgetVisibilityChanged> announced = eventually().until(() -> announcements(events, orgId),
				(found) -> found.size() >= count);
		assertThat(announced).hasSize(count);
		WidgetVisibilityChanged last = announced.get(count - 1);
		assertThat(last.reason()).isEqualTo(reason);
		assertThat(last.visible()).isEqualTo(reason == null);
	}

	private List<WidgetVisibilityChanged> announcements(EventCollector events, String orgId) {
		return events.records()
			.stream()
			.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
			.filter((event) -> event.orgid().equals(orgId))
			.map(CloudEvent::data)
			.filter(WidgetVisibilityChanged.class::isInstance)
			.map(WidgetVisibilityChanged.class::cast)
			.toList();
	}

	/** Registers a domain with one operator assigned and online; answers the operator. */
	private String visibleDomain(AdminApi tenant, String domain) {
		String operatorId = tenant.newOperator("ada@example.org");
		tenant.newDomain(domain);
		tenant.assigned(domain, operatorId);
		presence(tenant, operatorId, AgentStatus.ONLINE);
		awaitVisible(tenant, domain, true);
		return operatorId;
	}

	private void awaitVisible(AdminApi tenant, String domain, boolean visible) {
		eventually().until(() -> tenant.visibility(domain).path("data").path("isWidgetVisible").asBoolean(),
				(answer) -> answer == visible);
	}

	private static void assertFailure(AdminApi tenant, String domain, String reason) {
		JsonNode body = body(tenant.checkVisibility(domain).expectStatus().isOk());
		assertThat(body.path("type").asString()).isEqualTo("failure");
		assertThat(body.path("data").path("isWidgetVisible").asBoolean()).isFalse();
		assertThat(body.path("data").path("reason").asString()).contains(reason);
	}

}
