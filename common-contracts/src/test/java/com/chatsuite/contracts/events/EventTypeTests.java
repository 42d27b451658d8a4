package com.chatsuite.contracts.events;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeTests {

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyEventTypeIsFoundByItsTypeString(EventType eventType) {
		assertThat(EventType.fromType(eventType.type())).contains(eventType);
		assertThat(eventType.schemaResource()).isEqualTo("/event-schemas/" + eventType.type() + ".json");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyDataRecordKnowsItsEventType(EventType eventType) {
		assertThat(EventSamples.data(eventType).eventType()).isEqualTo(eventType);
	}

	@Test
	void unknownOrMissingTypeIsNotFound() {
		assertThat(EventType.fromType("chat.room.exploded.v1")).isEmpty();
		assertThat(EventType.fromType(null)).isEmpty();
	}

	@Test
	void everyEventTypeIsPublishedOnAKnownTopicAndEveryTopicCarriesEvents() {
		assertThat(Arrays.stream(EventType.values()).map(EventType::topic).distinct())
			.containsExactlyInAnyOrderElementsOf(Topics.ALL);
		assertThat(EventType.onTopic(Topics.CHAT_ROOMS)).containsExactly(EventType.ROOM_CREATED,
				EventType.MESSAGE_POSTED, EventType.ROOM_CLOSED);
	}

	@Test
	void typeStringsAreVersionedAndUnique() {
		assertThat(Arrays.stream(EventType.values()).map(EventType::type)).doesNotHaveDuplicates()
			.allSatisfy((type) -> assertThat(type).matches("[a-z]+(\\.[a-z-]+)+\\.v[0-9]+"));
	}

	@Test
	void deadLetterTopicAddsTheDltSuffix() {
		assertThat(Topics.deadLetter(Topics.TICKETS)).isEqualTo("tickets.tickets.dlt");
	}

}
