package com.chatsuite.chatroom.ticket;

import java.time.Instant;
import java.util.List;

import com.chatsuite.chatroom.ChatRoomIntegrationTest;
import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketAutoCloseWarning;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ticket-service decides reaches the room: the agent joins, the auto-close warning
 * is shown, a closed ticket closes the room; each once, however often the event comes.
 */
@SuiteIntegrationTest
class TicketEventsIntegrationTests extends ChatRoomIntegrationTest {

	@Test
	void anAssignedAgentJoinsTheRoomOnceEvenWhenTheEventComesTwice() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		say(room, "Hello?");
		CloudEvent<?> assigned = publish(orgId, "ticket-1",
				new TicketAssigned("ticket-1", room.id(), "op-7", "Ana", Instant.now()));
		eventually().until(() -> texts(room), (texts) -> texts.contains("Ana joined the chat"));
		publish(assigned);
		say(room, "Hi Ana");
		assertThat(texts(room)).containsExactly("Hello?", "Ana joined the chat", "Hi Ana");
		JsonNode messages = body(visitorGet(room, "type=get_messages&room_id=" + room.id()).expectStatus().isOk());
		assertThat(messages.path("response").path(1).path("author").asString()).isEqualTo("system");
		JsonNode details = body(visitorGet(room, "type=get_room_by_id&room_id=" + room.id()).expectStatus().isOk());
		assertThat(details.path("response").path(0).path("agent_id").asString()).isEqualTo("op-7");
		assertThat(details.path("response").path(0).path("agent_name").asString()).isEqualTo("Ana");
	}

	@Test
	void theAutoCloseWarningIsPostedInTheRoom() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		publish(orgId, "ticket-2", new TicketAutoCloseWarning("ticket-2", room.id(),
				"This chat will close in 5 minutes unless you write.", Instant.now().plusSeconds(300), Instant.now()));
		eventually().until(() -> texts(room),
				(texts) -> texts.equals(List.of("This chat will close in 5 minutes unless you write.")));
	}

	@Test
	void aClosedTicketClosesItsRoomAndTheClosingIsAnnounced() throws Exception {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		try (EventCollector collector = EventCollector.of(Topics.CHAT_ROOMS)) {
			publish(orgId, "ticket-3", new TicketClosed("ticket-3", room.id(), "CLOSED", Instant.now()));
			eventually().until(() -> body(visitorGet(room, "type=get_room_by_id&room_id=" + room.id())).path("response")
				.path(0)
				.path("is_active")
				.asBoolean(), (active) -> !active);
			RoomClosed closed = eventually().until(() -> collector.records()
				.stream()
				.<CloudEvent<?>>map((record) -> this.events.fromBytes(record.value()))
				.filter((event) -> event.data() instanceof RoomClosed data && data.roomId().equals(room.id()))
				.map((event) -> (RoomClosed) event.data())
				.findFirst()
				.orElse(null), (found) -> found != null);
			assertThat(closed.closedBy()).isEqualTo("ticket-service");
		}
		visitorPost(room, java.util.Map.of("type", "create_message", "room_id", room.id(), "message_data", "hello?"))
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void ticketEventsOfAnotherOrganisationLeaveTheRoomAlone() {
		String orgId = newOrganisation();
		VisitorRoom room = openRoom(orgId);
		String stranger = newOrganisation();
		publish(stranger, "ticket-4", new TicketClosed("ticket-4", room.id(), "CLOSED", Instant.now()));
		publish(stranger, "ticket-4", new TicketAssigned("ticket-4", room.id(), "op-9", "Mallory", Instant.now()));
		// An event published after them by the room's organisation is processed after
		// them.
		publish(orgId, "ticket-5", new TicketAutoCloseWarning("ticket-5", room.id(), "marker",
				Instant.now().plusSeconds(60), Instant.now()));
		eventually().until(() -> texts(room), (texts) -> texts.contains("marker"));
		assertThat(texts(room)).containsExactly("marker");
	}

}
