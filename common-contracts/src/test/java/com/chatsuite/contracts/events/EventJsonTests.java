package com.chatsuite.contracts.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.directory.OperatorAssigned;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventJsonTests {

	private final EventJson eventJson = new EventJson();

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyEventTypeRoundTripsThroughJson(EventType eventType) {
		CloudEvent<?> event = EventSamples.event(eventType);
		CloudEvent<?> read = this.eventJson.fromJson(this.eventJson.toJson(event));
		assertThat(read).isEqualTo(event);
		assertThat(read.data()).isInstanceOf(eventType.dataClass());
		assertThat(read.eventType()).isEqualTo(eventType);
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void everyEventTypeRoundTripsThroughBytes(EventType eventType) {
		CloudEvent<?> event = EventSamples.event(eventType);
		assertThat(this.eventJson.fromBytes(this.eventJson.toBytes(event))).isEqualTo(event);
	}

	@Test
	void envelopeAttributesUseTheCloudEventsNamesAndTimeIsIsoUtc() {
		CloudEvent<?> event = EventSamples.event(EventType.ROOM_CLOSED);
		JsonNode json = tree(event);
		assertThat(json.propertyNames()).containsExactlyInAnyOrder("specversion", "id", "source", "type", "time",
				"subject", "datacontenttype", "orgid", "data");
		assertThat(json.get("specversion").stringValue()).isEqualTo("1.0");
		assertThat(json.get("id").stringValue()).isEqualTo(event.id());
		assertThat(json.get("source").stringValue()).isEqualTo("chat-room-service");
		assertThat(json.get("type").stringValue()).isEqualTo("chat.room.closed.v1");
		assertThat(json.get("time").stringValue()).isEqualTo("2025-03-01T10:15:30Z");
		assertThat(json.get("datacontenttype").stringValue()).isEqualTo("application/json");
		assertThat(json.get("orgid").stringValue()).isEqualTo(EventSamples.ORG_ID);
		assertThat(json.get("data").get("closedAt").stringValue()).isEqualTo("2025-03-01T10:15:30Z");
	}

	@Test
	void eventTypeIsNotSerialisedIntoData() {
		JsonNode data = tree(EventSamples.event(EventType.TICKET_CLOSED)).get("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("ticketId", "roomId", "status", "closedAt");
	}

	@Test
	void nullOptionalFieldsAreOmitted() {
		JsonNode data = tree(EventSamples.event(EventType.TOKEN_REVOKED)).get("data");
		assertThat(data.has("addon")).isFalse();
		assertThat(data.get("scope").stringValue()).isEqualTo("SESSION");
	}

	@Test
	void booleanIsPrefixedFieldKeepsItsName() {
		JsonNode data = tree(EventSamples.event(EventType.OPERATOR_ASSIGNED)).get("data");
		assertThat(data.get("isAdmin").booleanValue()).isTrue();
		assertThat(data.has("admin")).isFalse();
		OperatorAssigned read = (OperatorAssigned) this.eventJson
			.fromJson(this.eventJson.toJson(EventSamples.event(EventType.OPERATOR_ASSIGNED)))
			.data();
		assertThat(read.isAdmin()).isTrue();
	}

	@Test
	void ofGeneratesARandomUuidAndTakesTheTypeFromTheData() {
		RoomClosed data = new RoomClosed("room-1", "op-1", "resolved", EventSamples.TIME);
		CloudEvent<RoomClosed> first = CloudEvent.of("chat-room-service", "room-1", "org-1", data, EventSamples.TIME);
		CloudEvent<RoomClosed> second = CloudEvent.of("chat-room-service", "room-1", "org-1", data, EventSamples.TIME);
		assertThat(UUID.fromString(first.id())).isNotEqualTo(UUID.fromString(second.id()));
		assertThat(first.type()).isEqualTo("chat.room.closed.v1");
		assertThat(first.specversion()).isEqualTo("1.0");
		assertThat(first.datacontenttype()).isEqualTo("application/json");
	}

	@Test
	void eventWithoutSubjectIsRejected() {
		RoomClosed data = new RoomClosed("room-1", "op-1", "resolved", EventSamples.TIME);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CloudEvent.of("chat-room-service", " ", "org-1", data, EventSamples.TIME))
			.withMessageContaining("subject");
	}

	@Test
	void typeThatDoesNotMatchTheDataIsRejected() {
		TicketClosed data = new TicketClosed("ticket-1", "room-1", "CLOSED", EventSamples.TIME);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CloudEvent<>("1.0", UUID.randomUUID().toString(), "ticket-service",
					"chat.room.closed.v1", Instant.now(), "ticket-1", "application/json", "org-1", data))
			.withMessageContaining("chat.room.closed.v1");
	}

	@Test
	void unknownTypeIsRejectedWithItsName() {
		ObjectNode json = tree(EventSamples.event(EventType.ROOM_CLOSED));
		json.put("type", "chat.room.exploded.v1");
		assertThatExceptionOfType(EventFormatException.class).isThrownBy(() -> this.eventJson.fromJson(json.toString()))
			.withMessageContaining("chat.room.exploded.v1");
	}

	@Test
	void missingEnvelopeAttributeIsRejectedWithItsName() {
		ObjectNode json = tree(EventSamples.event(EventType.ROOM_CLOSED));
		json.remove("orgid");
		assertThatExceptionOfType(EventFormatException.class).isThrownBy(() -> this.eventJson.fromJson(json.toString()))
			.withMessageContaining("'orgid'");
	}

	@Test
	void missingDataIsRejected() {
		ObjectNode json = tree(EventSamples.event(EventType.ROOM_CLOSED));
		json.remove("data");
		assertThatExceptionOfType(EventFormatException.class).isThrownBy(() -> this.eventJson.fromJson(json.toString()))
			.withMessageContaining("'data'");
	}

	@Test
	void missingRequiredDataFieldIsRejectedWithItsName() {
		ObjectNode json = tree(EventSamples.event(EventType.ROOM_CLOSED));
		((ObjectNode) json.get("data")).remove("closedBy");
		assertThatExceptionOfType(EventFormatException.class).isThrownBy(() -> this.eventJson.fromJson(json.toString()))
			.withMessageContaining("closedBy")
			.withMessageContaining("chat.room.closed.v1");
	}

	@Test
	void badTimeIsRejected() {
		ObjectNode json = tree(EventSamples.event(EventType.ROOM_CLOSED));
		json.put("time", "yesterday");
		assertThatExceptionOfType(EventFormatException.class)
			.isThrownBy(() -> this.eventJson.fromJson(json.toString()));
	}

	@Test
	void badJsonIsRejected() {
		assertThatExceptionOfType(EventFormatException.class)
			.isThrownBy(() -> this.eventJson.fromBytes("{\"type\":".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("not valid JSON");
		assertThatExceptionOfType(EventFormatException.class).isThrownBy(() -> this.eventJson.fromJson("[1, 2]"))
			.withMessageContaining("not a JSON object");
		assertThatExceptionOfType(EventFormatException.class).isThrownBy(() -> this.eventJson.fromJson(""));
	}

	@Test
	void unknownPropertiesFromANewerProducerAreIgnored() {
		CloudEvent<?> event = EventSamples.event(EventType.ROOM_CLOSED);
		ObjectNode json = tree(event);
		json.put("traceparent", "00-abc-def-01");
		((ObjectNode) json.get("data")).put("closedFrom", "mobile");
		assertThat(this.eventJson.fromJson(json.toString())).isEqualTo(event);
	}

	private ObjectNode tree(CloudEvent<?> event) {
		return (ObjectNode) this.eventJson.mapper().readTree(this.eventJson.toJson(event));
	}

}
