package com.chatsuite.ticket.ticket;

import com.chatsuite.contracts.events.chat.SenderType;
import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import com.chatsuite.contracts.events.ticket.TicketCreated;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.ticket.TicketIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets through the agent ticket API: the document's Ticket shape, closing a room (only
 * by the agent holding it), the room's own closing, picked time and the last message.
 */
@SuiteIntegrationTest
class TicketIntegrationTests extends TicketIntegrationTest {

	private static final String NOT_FOUND = "{\"errors\": [{\"status\": \"404\", \"title\": \"not found\"}]}";

	private static final String FORBIDDEN = "{\"errors\": [{\"status\": \"403\", \"title\": \"forbidden\"}]}";

	@Autowired
	private Tickets tickets;

	@Test
	void anAssignedTicketShowsEveryDocumentedField() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Ana");
		String roomId = openRoom(orgId, "shop.example");
		eventually().until(() -> agent.ticketOfRoom(roomId) != null);
		JsonNode ticket = agent.ticketOfRoom(roomId);
		assertThat(ticket.path("id").asString()).isNotBlank();
		assertThat(ticket.path("content").path("status").asString()).isEqualTo("ASSIGNED");
		assertThat(ticket.path("content").path("product_name").asString()).isEqualTo("shop.example");
		JsonNode metadata = ticket.path("metadata");
		assertThat(metadata.propertyNames()).containsExactlyInAnyOrder("ccr", "roomId", "orderId", "pickedTimestamp",
				"assignedTimestamp", "autoCloseWarningTimestamp", "autoCloseTimestamp", "currentTimestamp", "entityId",
				"isChatRoomClosed", "language");
		assertThat(metadata.path("roomId").asString()).isEqualTo(roomId);
		assertThat(metadata.path("entityId").asString()).isEqualTo(orgId);
		assertThat(metadata.path("language").asString()).isEqualTo("eng");
		assertThat(metadata.path("isChatRoomClosed").asBoolean()).isFalse();
		assertThat(metadata.path("pickedTimestamp").asLong()).isZero();
		long now = this.clock.instant().getEpochSecond();
		assertThat(metadata.path("assignedTimestamp").asLong()).isBetween(now - 60, now);
		assertThat(metadata.path("autoCloseWarningTimestamp").asLong())
			.isEqualTo(metadata.path("assignedTimestamp").asLong() + 600);
		assertThat(metadata.path("autoCloseTimestamp").asLong())
			.isEqualTo(metadata.path("assignedTimestamp").asLong() + 900);
		assertThat(metadata.path("currentTimestamp").asLong()).isEqualTo(now);
		JsonNode customer = ticket.path("customer");
		assertThat(customer.path("id").asString()).startsWith("user-");
		assertThat(customer.path("firstName").asString()).isEqualTo("Hugo");
		assertThat(customer.path("lastName").asString()).isEqualTo("Dan");
		assertThat(customer.path("name").asString()).isEqualTo("Hugo Dan");
	}

	@Test
	void aRoomOpenedAgainMakesNoSecondTicketAndNoSecondAssignment() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Ana");
		String roomId = newId("room");
		openRoomWithId(orgId, roomId, "shop.example");
		eventually().until(() -> agent.ticketOfRoom(roomId) != null);
		// The same room's opening again (a redelivery), then another room as a marker.
		openRoomWithId(orgId, roomId, "shop.example");
		String marker = openRoom(orgId, "shop.example");
		eventually().until(() -> agent.ticketOfRoom(marker) != null);
		assertThat(agent.openTickets()).isEqualTo(2);
		String ticketId = ticketIdOf(roomId);
		assertThat(published.records()
			.stream()
			.map((record) -> this.json.fromBytes(record.value()).data())
			.filter((data) -> data instanceof TicketCreated created && created.roomId().equals(roomId))).hasSize(1);
		assertThat(publishedAbout(ticketId).stream().filter(TicketAssigned.class::isInstance)).hasSize(1);
	}

	@Test
	void onlyTheAgentHoldingARoomClosesItAndItEndsChatClosedWhenTheRoomCloses() {
		String orgId = newId("org");
		Agent holder = onlineOperator(orgId, "Holder");
		String roomId = assignedRoom(holder);
		String ticketId = holder.ticketOfRoom(roomId).path("id").asString();
		Agent colleague = operator(orgId, "Colleague");
		Agent stranger = onlineOperator(newId("org"), "Stranger");
		colleague.closeRoom(roomId).expectStatus().isForbidden().expectBody().json(FORBIDDEN, JsonCompareMode.STRICT);
		stranger.closeRoom(roomId).expectStatus().isNotFound().expectBody().json(NOT_FOUND, JsonCompareMode.STRICT);
		// Another addon's ticket is another tenant's: not even the holder's own operator
		// there learns of it.
		Agent holderInAnotherAddon = inAddon(holder, SELLER_CHAT);
		holderInAnotherAddon.closeRoom(roomId)
			.expectStatus()
			.isNotFound()
			.expectBody()
			.json(NOT_FOUND, JsonCompareMode.STRICT);
		picked(holderInAnotherAddon, ticketId, holder.operatorId()).expectStatus().isNotFound();
		holder.closeRoom(newId("room")).expectStatus().isNotFound();
		holder.closeRoom(roomId).expectStatus().isOk().expectBody().isEmpty();
		assertThat(holder.openTickets()).isZero();
		JsonNode closed = closedTicket(holder, roomId);
		assertThat(closed.path("content").path("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("metadata").path("isChatRoomClosed").asBoolean()).isFalse();
		eventually().until(() -> publishedAbout(ticketId).stream()
			.anyMatch((event) -> event instanceof TicketClosed close && close.status().equals("CLOSED")
					&& close.roomId().equals(roomId)));
		holder.closeRoom(roomId).expectStatus().isOk();
		closeRoom(orgId, roomId);
		eventually()
			.until(() -> closedTicket(holder, roomId).path("content").path("status").asString().equals("CHAT_CLOSED"));
		assertThat(closedTicket(holder, roomId).path("metadata").path("isChatRoomClosed").asBoolean()).isTrue();
	}

	@Test
	void aRoomClosedByItsVisitorClosesItsTicketAndFreesTheAgent() {
		String orgId = newId("org");
		routingSettings(orgId, java.util.Map.of("capacity", 1)).expectStatus().isOk();
		Agent agent = onlineOperator(orgId, "Agent");
		String first = openRoom(orgId, "any.example");
		eventually().until(() -> agent.ticketOfRoom(first) != null);
		String second = openRoom(orgId, "any.example");
		closeRoom(orgId, first);
		eventually().until(() -> agent.ticketOfRoom(second) != null);
		JsonNode closed = closedTicket(agent, first);
		assertThat(closed.path("content").path("status").asString()).isEqualTo("CHAT_CLOSED");
		assertThat(closed.path("metadata").path("isChatRoomClosed").asBoolean()).isTrue();
		assertThat(agent.ticketsWithClosed().expectStatus().isOk().expectBody().returnResult().getResponseBody())
			.isNotNull();
		JsonNode withClosed = body(agent.ticketsWithClosed());
		assertThat(withClosed).hasSize(2);
		assertThat(body(agent.tickets())).hasSize(1);
	}

	@Test
	void closedTicketsAreThoseOfTheTokensAddonOnly() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Agent");
		String roomId = assignedRoom(agent);
		closeRoom(orgId, roomId);
		eventually().until(() -> body(agent.ticketsWithClosed()).size() == 1);
		Agent sameOperatorInAnotherAddon = inAddon(agent, SELLER_CHAT);
		assertThat(body(sameOperatorInAnotherAddon.ticketsWithClosed().expectStatus().isOk())).isEmpty();
		assertThat(body(agent.ticketsWithClosed())).hasSize(1);
	}

	@Test
	void pickedTimeIsSetOnceByTheHoldingAgentNamedInTheHeader() {
		String orgId = newId("org");
		Agent holder = onlineOperator(orgId, "Holder");
		String roomId = assignedRoom(holder);
		String ticketId = holder.ticketOfRoom(roomId).path("id").asString();
		Agent colleague = onlineOperator(orgId, "Colleague");
		picked(colleague, ticketId, colleague.operatorId()).expectStatus()
			.isForbidden()
			.expectBody()
			.json(FORBIDDEN, JsonCompareMode.STRICT);
		picked(holder, ticketId, colleague.operatorId()).expectStatus().isForbidden();
		picked(holder, "no-such-ticket", holder.operatorId()).expectStatus().isNotFound();
		picked(onlineOperator(newId("org"), "Stranger"), ticketId, "x").expectStatus().isForbidden();
		// The write itself names the holder: a ticket given to another agent since the
		// check is not picked for it.
		this.tickets.pick(ticketId, "another/agent/key", this.clock.instant()).block(java.time.Duration.ofSeconds(10));
		assertThat(holder.ticketOfRoom(roomId).path("metadata").path("pickedTimestamp").asLong()).isZero();
		long pickedAt = this.clock.instant().getEpochSecond();
		picked(holder, ticketId, holder.operatorId()).expectStatus().isOk().expectBody().isEmpty();
		assertThat(holder.ticketOfRoom(roomId).path("metadata").path("pickedTimestamp").asLong()).isEqualTo(pickedAt);
		this.clock.advance(java.time.Duration.ofSeconds(30));
		picked(holder, ticketId, holder.operatorId() + "@example.test").expectStatus().isOk();
		assertThat(holder.ticketOfRoom(roomId).path("metadata").path("pickedTimestamp").asLong()).isEqualTo(pickedAt);
	}

	@Test
	void theLastMessageOfTheRoomShowsOnItsTicket() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Agent");
		String roomId = assignedRoom(agent);
		postMessage(orgId, roomId, 1, SenderType.VISITOR, "hello");
		postMessage(orgId, roomId, 2, SenderType.AGENT, "hi, how can I help?");
		eventually().until(() -> agent.ticketOfRoom(roomId)
			.path("content")
			.path("last_message")
			.path("text")
			.asString()
			.equals("hi, how can I help?"));
		JsonNode last = agent.ticketOfRoom(roomId).path("content").path("last_message");
		assertThat(last.path("senderType").asString()).isEqualTo("agent");
		postMessage(orgId, roomId, 1, SenderType.VISITOR, "hello");
		assertThat(agent.ticketOfRoom(roomId).path("content").path("last_message").path("text").asString())
			.isEqualTo("hi, how can I help?");
	}

	private WebTestClient.ResponseSpec picked(Agent agent, String ticketId, String agentHeader) {
		return this.web.put()
			.uri("/v1/tickets/{id}/pickedTime", ticketId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + agent.token())
			.header("X-Agent-ID", agentHeader)
			.exchange();
	}

	private static JsonNode closedTicket(Agent agent, String roomId) {
		for (JsonNode ticket : body(agent.ticketsWithClosed().expectStatus().isOk())) {
			if (ticket.path("metadata").path("roomId").asString().equals(roomId)
					&& ticket.path("content").path("status").asString().contains("CLOSED")) {
				return ticket;
			}
		}
		throw new AssertionError("no closed ticket for room " + roomId);
	}

}
