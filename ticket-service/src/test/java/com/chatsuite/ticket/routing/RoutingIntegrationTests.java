package com.chatsuite.ticket.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketCreated;
import com.chatsuite.contracts.events.ticket.TicketReassigned;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.ticket.TicketIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routing as agents see it in {@code GET /v1/tickets}: by domain, least loaded with round
 * robin among equals, nobody away or busy, a first-in-first-out queue per organisation
 * within capacity, and tickets given back when their agent goes offline.
 */
@SuiteIntegrationTest
class RoutingIntegrationTests extends TicketIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private Settings store;

	@Test
	void aRoomOnADomainGoesToAnOnlineOperatorAssignedToIt() {
		String orgId = newId("org");
		Agent assigned = onlineOperator(orgId, "Ana Assigned");
		Agent other = onlineOperator(orgId, "Otto Other");
		domain(orgId, "shop.example", assigned);
		String roomId = openRoom(orgId, "SHOP.example");
		eventually().until(() -> assigned.ticketOfRoom(roomId) != null);
		assertThat(assigned.ticketOfRoom(roomId).path("content").path("status").asString()).isEqualTo("ASSIGNED");
		assertThat(other.openTickets()).isZero();
		String ticketId = assigned.ticketOfRoom(roomId).path("id").asString();
		eventually().until(() -> publishedAbout(ticketId).size() == 2);
		List<EventData> events = publishedAbout(ticketId);
		assertThat(events.get(0)).isInstanceOf(TicketCreated.class);
		assertThat(events.get(1)).isInstanceOfSatisfying(TicketAssigned.class, (event) -> {
			assertThat(event.roomId()).isEqualTo(roomId);
			assertThat(event.agentId()).isEqualTo(assigned.operatorId());
			assertThat(event.agentName()).isEqualTo("Ana Assigned");
		});
	}

	@Test
	void operatorsAndDomainsOlderThanTheTopicAreLearntFromTheirAnnouncements() {
		String orgId = newId("org");
		// Only announcements left on directory.operators: the operators' and the domain's
		// own events are older than its retention.
		String assignedId = newId("op");
		String otherId = newId("op");
		for (String operatorId : List.of(assignedId, otherId)) {
			publish(orgId, operatorId, new OperatorAnnounced(operatorId, operatorId + "@example.test", "Announced",
					List.of(new OperatorAnnounced.AddonStatus(LIVECHAT, true)), Instant.now()));
		}
		String domainId = newId("domain");
		publish(orgId, domainId,
				new DomainAnnounced(domainId, "Old.example", "owner@old.example", LIVECHAT, true,
						List.of(new DomainAnnounced.AssignedOperator(assignedId, false, true, true, null)), null,
						Instant.now()));
		Agent assigned = agentOf(orgId, assignedId);
		Agent other = agentOf(orgId, otherId);
		eventually()
			.until(() -> stored(Query.query(Criteria.where("operatorId").is(assignedId).and("domainIds").is(domainId)),
					"agents"));
		eventually().until(() -> stored(Query.query(Criteria.where("_id").is(domainId)), "domains"));
		eventually().until(() -> other.info().returnResult(byte[].class).getStatus().value() == 200);
		assigned.online().expectStatus().isOk();
		other.online().expectStatus().isOk();

		String roomId = openRoom(orgId, "old.example");
		eventually().until(() -> assigned.ticketOfRoom(roomId) != null);
		assertThat(other.openTickets()).isZero();
	}

	@Test
	void aRoomOfNoKnownDomainGoesToAnyOnlineOperatorOfItsOrganisationOnly() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Any");
		Agent stranger = onlineOperator(newId("org"), "Stranger");
		String roomId = openRoom(orgId, "unknown.example");
		eventually().until(() -> agent.ticketOfRoom(roomId) != null);
		assertThat(stranger.openTickets()).isZero();
	}

	@Test
	void theLeastLoadedAgentGetsTheTicketAndEqualsTakeTurns() {
		String orgId = newId("org");
		Agent first = onlineOperator(orgId, "First");
		Agent second = onlineOperator(orgId, "Second");
		Agent third = onlineOperator(orgId, "Third");
		for (int i = 0; i < 3; i++) {
			String roomId = openRoom(orgId, "any.example");
			eventually().until(() -> holderOf(roomId, first, second, third) != null);
		}
		assertThat(List.of(first.openTickets(), second.openTickets(), third.openTickets())).containsOnly(1);
		String firstRoom = first.ticketOf(0).path("metadata").path("roomId").asString();
		first.closeRoom(firstRoom).expectStatus().isOk();
		String next = openRoom(orgId, "any.example");
		eventually().until(() -> holderOf(next, first, second, third) == first);
	}

	@Test
	void awayAndBusyAgentsGetNoNewTicketsAndTheQueueIsServedWhenOneComesOnline() {
		String orgId = newId("org");
		Agent away = operator(orgId, "Away");
		away.status("away").expectStatus().isOk();
		Agent busy = operator(orgId, "Busy");
		busy.status("busy").expectStatus().isOk();
		String roomId = openRoom(orgId, "any.example");
		eventually().until(() -> !publishedAbout(ticketIdOf(roomId)).isEmpty());
		assertThat(away.openTickets()).isZero();
		assertThat(busy.openTickets()).isZero();
		busy.online().expectStatus().isOk();
		eventually().until(() -> busy.ticketOfRoom(roomId) != null);
		assertThat(away.openTickets()).isZero();
	}

	@Test
	void ticketsBeyondCapacityWaitAndAreServedFirstComeFirstServed() {
		String orgId = newId("org");
		routingSettings(orgId, Map.of("capacity", 1)).expectStatus().isOk();
		Agent agent = onlineOperator(orgId, "Solo");
		String first = openRoom(orgId, "any.example");
		eventually().until(() -> agent.ticketOfRoom(first) != null);
		String second = openRoom(orgId, "any.example");
		eventually().until(() -> !publishedAbout(ticketIdOf(second)).isEmpty());
		String third = openRoom(orgId, "any.example");
		eventually().until(() -> !publishedAbout(ticketIdOf(third)).isEmpty());
		assertThat(agent.openTickets()).isEqualTo(1);
		agent.closeRoom(first).expectStatus().isOk();
		eventually().until(() -> agent.ticketOfRoom(second) != null);
		assertThat(agent.openTickets()).isEqualTo(1);
		routingSettings(orgId, Map.of("capacity", 2)).expectStatus().isOk();
		eventually().until(() -> agent.ticketOfRoom(third) != null);
	}

	@Test
	void aTicketBehindMoreThanAPageOfTicketsNobodyCanTakeIsServed() {
		String orgId = newId("org");
		routingSettings(orgId, Map.of("capacity", 1)).expectStatus().isOk();
		Agent offline = operator(orgId, "Offline");
		domain(orgId, "a.example", offline);
		Agent busy = onlineOperator(orgId, "Busy");
		domain(orgId, "b.example", busy);
		String first = openRoom(orgId, "b.example");
		eventually().until(() -> busy.ticketOfRoom(first) != null);
		// More than a page of the queue's head is for a domain whose only agent is
		// offline.
		List<String> stuck = new ArrayList<>();
		for (int i = 0; i <= Router.QUEUE_PAGE; i++) {
			stuck.add(openRoom(orgId, "a.example"));
		}
		eventually().until(() -> stuck.stream().allMatch((roomId) -> !publishedAbout(ticketIdOf(roomId)).isEmpty()));
		String behind = openRoom(orgId, "b.example");
		eventually().until(() -> !publishedAbout(ticketIdOf(behind)).isEmpty());

		busy.closeRoom(first).expectStatus().isOk();
		eventually().until(() -> busy.ticketOfRoom(behind) != null);
		assertThat(offline.openTickets()).isZero();
	}

	@Test
	void anAgentGoingOfflineGivesItsTicketsToAnotherAgent() {
		String orgId = newId("org");
		Agent leaving = onlineOperator(orgId, "Leaving");
		String roomId = assignedRoom(leaving);
		String ticketId = leaving.ticketOfRoom(roomId).path("id").asString();
		Agent staying = onlineOperator(orgId, "Staying");
		leaving.offline().expectStatus().isOk();
		eventually().until(() -> staying.ticketOfRoom(roomId) != null);
		assertThat(leaving.openTickets()).isZero();
		eventually().until(() -> publishedAbout(ticketId).size() == 4);
		assertThat(publishedAbout(ticketId).get(2)).isInstanceOfSatisfying(TicketReassigned.class,
				(event) -> assertThat(event.previousAgentId()).isEqualTo(leaving.operatorId()));
		assertThat(publishedAbout(ticketId).get(3)).isInstanceOfSatisfying(TicketAssigned.class,
				(event) -> assertThat(event.agentId()).isEqualTo(staying.operatorId()));
	}

	@Test
	void aSlotClaimedForAWaitingTicketIsKeptUntilTheClaimIsAbandoned() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Midway");
		String roomId = assignedRoom(agent);
		String ticketId = agent.ticketOfRoom(roomId).path("id").asString();
		// As between an assignment's claim of the agent's slot and its change of the
		// ticket: the agent holds the slot while the ticket still waits.
		changeStoredTicket(ticketId, new Update().set("status", "REASSIGNED").unset("agentKey"));
		agent.offline().expectStatus().isOk();
		Document held = storedAgent(agent);
		// The assignment completes (and a later pass gives the ticket back) or gives the
		// slot back itself; released here, the ticket would be assigned to an offline
		// agent that no pass sees holding it.
		assertThat(held.getList("tickets", String.class)).containsExactly(ticketId);
		assertThat(held.getInteger("load")).isEqualTo(1);
		// A claim older than any assignment takes was left by a replica that stopped:
		// housekeeping gives the slot back, and the ticket goes to the next agent.
		this.clock.advance(Duration.ofMinutes(2));
		eventually().until(() -> this.mongo
			.count(Query.query(Criteria.where("operatorId").is(agent.operatorId()).and("tickets").size(0)), "agents")
			.block(Duration.ofSeconds(10)) == 1);
		Agent next = onlineOperator(orgId, "Next");
		eventually().until(() -> next.ticketOfRoom(roomId) != null);
	}

	@Test
	void slotsHeldForTicketsAnOnlineAgentWillNotGetAreGivenBack() {
		String orgId = newId("org");
		routingSettings(orgId, Map.of("capacity", 2)).expectStatus().isOk();
		Agent agent = onlineOperator(orgId, "Online");
		String closedRoom = assignedRoom(agent);
		String closedTicket = agent.ticketOfRoom(closedRoom).path("id").asString();
		String waitingRoom = assignedRoom(agent);
		String waitingTicket = agent.ticketOfRoom(waitingRoom).path("id").asString();
		// A close that stopped before it gave the agent's slot back, and an assignment
		// that stopped after its claim of the slot.
		changeStoredTicket(closedTicket, new Update().set("status", "CLOSED"));
		changeStoredTicket(waitingTicket, new Update().set("status", "REASSIGNED").unset("agentKey"));

		eventually().until(() -> storedAgent(agent).getList("tickets", String.class),
				(held) -> held.equals(List.of(waitingTicket)));
		assertThat(storedAgent(agent).getInteger("load")).isEqualTo(1);
		// The waiting ticket's claim is kept while its assignment may still complete; the
		// agent, which already holds it, cannot be offered it again meanwhile.
		assertThat(agent.ticketOfRoom(waitingRoom)).isNull();
		this.clock.advance(Duration.ofMinutes(2));
		eventually().until(() -> agent.ticketOfRoom(waitingRoom) != null);
		assertThat(agent.ticketOfRoom(waitingRoom).path("content").path("status").asString()).isEqualTo("ASSIGNED");
		assertThat(storedAgent(agent).getInteger("load")).isEqualTo(1);
	}

	@Test
	void aSettingsChangeBasedOnAnOlderReadIsRefusedAndEachRequestsFieldsAreKept() {
		String orgId = newId("org");
		RoutingSettings defaults = this.store.of(orgId).block(Duration.ofSeconds(10));
		this.store.save(defaults, changed(defaults, 5)).block(Duration.ofSeconds(10));
		assertThatThrownBy(() -> this.store.save(defaults, changed(defaults, 6)).block(Duration.ofSeconds(10)))
			.isInstanceOf(ConcurrentChange.class);
		RoutingSettings first = this.store.of(orgId).block(Duration.ofSeconds(10));
		RoutingSettings second = this.store.of(orgId).block(Duration.ofSeconds(10));
		this.store.save(first, changed(first, 7)).block(Duration.ofSeconds(10));
		assertThatThrownBy(() -> this.store.save(second, changed(second, 8)).block(Duration.ofSeconds(10)))
			.isInstanceOf(ConcurrentChange.class);
		assertThat(this.store.of(orgId).block(Duration.ofSeconds(10)).capacity()).isEqualTo(7);
		routingSettings(orgId, Map.of("auto_close_minutes", 30)).expectStatus().isOk();
		RoutingSettings stored = this.store.of(orgId).block(Duration.ofSeconds(10));
		assertThat(stored.capacity()).isEqualTo(7);
		assertThat(stored.autoClose()).isEqualTo(Duration.ofMinutes(30));
	}

	private RoutingSettings changed(RoutingSettings read, int capacity) {
		return new RoutingSettings(read.id(), capacity, read.autoCloseWarningSeconds(), read.autoCloseSeconds(),
				this.clock.instant(), read.version());
	}

	@Test
	void aTicketGivenBackWithNobodyOnlineWaitsAsReassigned() {
		String orgId = newId("org");
		Agent leaving = onlineOperator(orgId, "Leaving");
		String roomId = assignedRoom(leaving);
		leaving.offline().expectStatus().isOk();
		assertThat(leaving.openTickets()).isZero();
		Agent later = onlineOperator(orgId, "Later");
		eventually().until(() -> later.ticketOfRoom(roomId) != null);
	}

	@Test
	void queuedTicketsAndOnlineAgentsAreGauges() {
		String orgId = newId("org");
		String roomId = openRoom(orgId, "nobody.example");
		eventually().until(() -> !ticketIdOf(roomId).equals("none"));
		eventually().untilAsserted(() -> assertThat(this.meters.get("chatsuite.tickets.queued").gauge().value())
			.isGreaterThanOrEqualTo(1));
		onlineOperator(newId("org"), "Counted");
		eventually().untilAsserted(
				() -> assertThat(this.meters.get("chatsuite.agents.online").gauge().value()).isGreaterThanOrEqualTo(1));
		String scraped = this.web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scraped).containsPattern("chatsuite_tickets_queued\\{application=\"ticket-service\"\\} [1-9]")
			.containsPattern("chatsuite_agents_online\\{application=\"ticket-service\"\\} [1-9]")
			.doesNotContain(orgId);
	}

	@Test
	void routingSettingsAreReadAndChangedWithALivechatAccessToken() {
		String orgId = newId("org");
		routingSettings(orgId, null).expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"capacity": 3, "auto_close_warning_minutes": 10, "auto_close_minutes": 15}}""",
					JsonCompareMode.STRICT);
		routingSettings(orgId, Map.of("capacity", 5, "auto_close_warning_minutes", 2, "auto_close_minutes", 4))
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"status": 1, "data": {"capacity": 5, "auto_close_warning_minutes": 2, "auto_close_minutes": 4}}""",
					JsonCompareMode.STRICT);
		JsonNode read = body(routingSettings(orgId, null).expectStatus().isOk());
		assertThat(read.path("data").path("capacity").asInt()).isEqualTo(5);
	}

	@Test
	void routingSettingsRefuseOtherAddonsAndBadValuesInTheAddonShape() {
		String orgId = newId("org");
		JsonNode wrongAddon = body(this.web.get()
			.uri("/admin/routing-settings")
			.header("access_token", addonToken(orgId, "partner"))
			.exchange()
			.expectStatus()
			.isForbidden());
		assertThat(wrongAddon.path("status").asInt()).isZero();
		assertThat(wrongAddon.path("errors").path(0).path("field").asString()).isEqualTo("access_token");
		JsonNode badCapacity = body(routingSettings(orgId, Map.of("capacity", 0)).expectStatus().isBadRequest());
		assertThat(badCapacity.path("errors").path(0).path("field").asString()).isEqualTo("capacity");
		JsonNode badOrder = body(
				routingSettings(orgId, Map.of("auto_close_warning_minutes", 20)).expectStatus().isBadRequest());
		assertThat(badOrder.path("message").asString()).contains("less than");
		this.web.get().uri("/admin/routing-settings").exchange().expectStatus().isUnauthorized();
	}

	private static Agent holderOf(String roomId, Agent... agents) {
		for (Agent agent : agents) {
			if (agent.ticketOfRoom(roomId) != null) {
				return agent;
			}
		}
		return null;
	}

}
