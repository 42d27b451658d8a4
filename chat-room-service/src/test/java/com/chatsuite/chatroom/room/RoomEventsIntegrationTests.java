package com.chatsuite.chatroom.room;

import java.util.List;
import java.util.Map;

import com.chatsuite.chatroom.ChatRoomIntegrationTest;
import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.contracts.events.chat.SenderType;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room's life on {@code chat.rooms}: created with its customer, each message with its
 * number and text, closed; keyed by the room, each event once.
 */
@SuiteIntegrationTest
class RoomEventsIntegrationTests extends ChatRoomIntegrationTest {

	@Test
	void aRoomsLifeIsPublishedInOrderAndOnce() throws Exception {
		String orgId = newOrganisation();
		try (EventCollector collector = EventCollector.of(Topics.CHAT_ROOMS)) {
			VisitorRoom room = openRoom(orgId, "ABCD12345", "shop.example");
			say(room, "Hello");
			agentPost(agentOf(orgId), Map.of("type", "create_message", "room_id", room.id(), "message_data", "Hi"))
				.expectStatus()
				.isOk();
			visitorPost(room, Map.of("type", "delete_room", "room_id", room.id())).expectStatus().isOk();

			List<CloudEvent<?>> events = eventually().until(() -> eventsOf(collector, room.id()),
					(found) -> found.size() >= 4);
			assertThat(events).allSatisfy((event) -> {
				assertThat(event.orgid()).isEqualTo(orgId);
				assertThat(event.source()).isEqualTo("chat-room-service");
			});
			List<EventData> data = events.stream().<EventData>map(CloudEvent::data).toList();
			assertThat(data).hasSize(4);
			RoomCreated created = only(data, RoomCreated.class).get(0);
			assertThat(created.userId()).isEqualTo("ABCD12345");
			assertThat(created.userName()).isEqualTo("umair");
			assertThat(created.productName()).isEqualTo("shop.example");
			List<MessagePosted> posted = only(data, MessagePosted.class);
			assertThat(posted).extracting(MessagePosted::sequence).containsExactlyInAnyOrder(1L, 2L);
			assertThat(posted).allSatisfy(
					(message) -> assertThat(message.messageId()).isEqualTo(room.id() + ":" + message.sequence()));
			MessagePosted first = (posted.get(0).sequence() == 1) ? posted.get(0) : posted.get(1);
			MessagePosted second = (first == posted.get(0)) ? posted.get(1) : posted.get(0);
			assertThat(first.senderType()).isEqualTo(SenderType.VISITOR);
			assertThat(first.senderId()).isEqualTo("ABCD12345");
			assertThat(first.text()).isEqualTo("Hello");
			assertThat(second.senderType()).isEqualTo(SenderType.AGENT);
			assertThat(second.text()).isEqualTo("Hi");
			assertThat(only(data, RoomClosed.class).get(0).closedBy()).isEqualTo("ABCD12345");
			assertThat(collector.records().stream().filter((record) -> room.id().equals(record.key())).count())
				.as("every event of the room is keyed by the room")
				.isEqualTo(4);
		}
	}

	private static <T> List<T> only(List<EventData> data, Class<T> type) {
		return data.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private List<CloudEvent<?>> eventsOf(EventCollector collector, String roomId) {
		return collector.records()
			.stream()
			.<CloudEvent<?>>map((record) -> this.events.fromBytes(record.value()))
			.filter((event) -> event.subject().equals(roomId))
			.toList();
	}

}
