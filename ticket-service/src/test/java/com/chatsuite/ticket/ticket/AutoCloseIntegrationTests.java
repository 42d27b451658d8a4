package com.chatsuite.ticket.ticket;

import java.time.Duration;
import java.util.Map;

import com.chatsuite.contracts.events.chat.SenderType;
import com.chatsuite.contracts.events.ticket.TicketAutoCloseWarning;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import com.chatsuite.contracts.events.ticket.TicketReassigned;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.ticket.TicketIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Timers in virtual time: the test clock moves, housekeeping finds what is due from the
 * stored timestamps. Auto-close warns, then closes; a message pushes both back; an agent
 * that stops calling goes offline and its tickets go back to routing.
 */
@SuiteIntegrationTest
class AutoCloseIntegrationTests extends TicketIntegrationTest {

	@Autowired
	private Tickets tickets;

	@Autowired
	private TicketService service;

	@Test
	void aQuietTicketIsWarnedThenClosed() {
		String orgId = newId("org");
		shortAutoClose(orgId);
		Agent agent = onlineOperator(orgId, "Agent");
		String roomId = assignedRoom(agent);
		String ticketId = agent.ticketOfRoom(roomId).path("id").asString();
		long closesAt = agent.ticketOfRoom(roomId).path("metadata").path("autoCloseTimestamp").asLong();
		this.clock.advance(Duration.ofMinutes(2));
		eventually().until(() -> publishedAbout(ticketId).stream().anyMatch(TicketAutoCloseWarning.class::isInstance));
		TicketAutoCloseWarning warning = publishedAbout(ticketId).stream()
			.filter(TicketAutoCloseWarning.class::isInstance)
			.map(TicketAutoCloseWarning.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(warning.roomId()).isEqualTo(roomId);
		assertThat(warning.closesAt().getEpochSecond()).isEqualTo(closesAt);
		assertThat(warning.message()).contains("closed in 2 minutes");
		assertThat(agent.ticketOfRoom(roomId)).isNotNull();
		this.clock.advance(Duration.ofMinutes(2));
		eventually().until(() -> agent.ticketOfRoom(roomId) == null);
		eventually().until(() -> publishedAbout(ticketId).stream()
			.anyMatch((event) -> event instanceof TicketClosed closed && closed.status().equals("CLOSED")));
		assertThat(publishedAbout(ticketId).stream().filter(TicketAutoCloseWarning.class::isInstance)).hasSize(1);
	}

	@Test
	void aNewMessagePushesTheAutoCloseBack() {
		String orgId = newId("org");
		shortAutoClose(orgId);
		Agent agent = onlineOperator(orgId, "Agent");
		String roomId = assignedRoom(agent);
		long closesAt = agent.ticketOfRoom(roomId).path("metadata").path("autoCloseTimestamp").asLong();
		this.clock.advance(Duration.ofMinutes(3));
		postMessage(orgId, roomId, 1, SenderType.VISITOR, "still there?");
		eventually()
			.until(() -> agent.ticketOfRoom(roomId).path("metadata").path("autoCloseTimestamp").asLong() > closesAt);
		long pushedTo = agent.ticketOfRoom(roomId).path("metadata").path("autoCloseTimestamp").asLong();
		assertThat(pushedTo).isEqualTo(this.clock.instant().getEpochSecond() + 240);
		this.clock.advance(Duration.ofMinutes(2));
		postMessage(orgId, roomId, 2, SenderType.SYSTEM, "a system message pushes nothing back");
		eventually().until(() -> agent.ticketOfRoom(roomId)
			.path("content")
			.path("last_message")
			.path("text")
			.asString()
			.startsWith("a system"));
		assertThat(agent.ticketOfRoom(roomId).path("metadata").path("autoCloseTimestamp").asLong()).isEqualTo(pushedTo);
	}

	@Test
	void aCloseDecidedBeforeANewMessageDoesNotHappen() {
		String orgId = newId("org");
		shortAutoClose(orgId);
		Agent agent = onlineOperator(orgId, "Agent");
		String roomId = assignedRoom(agent);
		// Housekeeping read the ticket as due; a message then pushed its times back.
		Ticket due = this.tickets.findByRoom(roomId).block(Duration.ofSeconds(10));
		this.tickets
			.postpone(due, this.clock.instant().plus(Duration.ofMinutes(2)),
					this.clock.instant().plus(Duration.ofMinutes(4)))
			.block(Duration.ofSeconds(10));
		assertThatThrownBy(() -> this.service.close(due, "auto-close").block(Duration.ofSeconds(10)))
			.isInstanceOf(ConcurrentChange.class);
		assertThat(agent.ticketOfRoom(roomId).path("content").path("status").asString()).isEqualTo("ASSIGNED");
	}

	@Test
	void closingAClosedTicketAgainReleasesTheSlotTheFirstCloseLeftHeld() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Agent");
		String roomId = assignedRoom(agent);
		String ticketId = agent.ticketOfRoom(roomId).path("id").asString();
		// The first close wrote the ticket and failed before it released the slot.
		changeStoredTicket(ticketId, new Update().set("status", "CLOSED").set("closedAt", this.clock.instant()));
		Ticket closed = this.tickets.findByRoom(roomId).block(Duration.ofSeconds(10));
		this.service.close(closed, "closed by its agent").block(Duration.ofSeconds(10));
		Document held = storedAgent(agent);
		assertThat(held.getList("tickets", String.class)).isEmpty();
		assertThat(held.getInteger("load")).isZero();
	}

	@Test
	void anAgentThatStopsCallingGoesOfflineAndItsTicketsGoBackToRouting() {
		String orgId = newId("org");
		// The clock moves past the idle time (30 minutes in tests), so the ticket's own
		// auto-close must lie beyond it: with the default 15 minutes, housekeeping could
		// close the ticket before it takes the idle agent offline, and nothing would be
		// reassigned.
		autoCloseAfter(orgId, 60, 90);
		Agent idle = onlineOperator(orgId, "Idle");
		String roomId = assignedRoom(idle);
		String ticketId = idle.ticketOfRoom(roomId).path("id").asString();
		this.clock.advance(Duration.ofMinutes(31));
		eventually().until(() -> publishedAbout(ticketId).stream().anyMatch(TicketReassigned.class::isInstance));
		idle.renewToken();
		assertThat(body(idle.info().expectStatus().isOk()).path("status").asString()).isEqualTo("offline");
		assertThat(idle.openTickets()).isZero();
	}

	private void shortAutoClose(String orgId) {
		autoCloseAfter(orgId, 2, 4);
	}

	private void autoCloseAfter(String orgId, int warningMinutes, int closeMinutes) {
		this.web.put()
			.uri("/admin/routing-settings")
			.header("access_token", addonToken(orgId, LIVECHAT))
			.bodyValue(Map.of("auto_close_warning_minutes", warningMinutes, "auto_close_minutes", closeMinutes))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
