package com.chatsuite.contracts.events;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTests {

	/** Data fields that may be absent; every other record component is required. */
	private static final Set<String> OPTIONAL_FIELDS = Set.of("TokenRevoked.addon", "OperatorAssigned.uniqueId",
			"AssignmentUpdated.uniqueId", "RoomCreated.userName", "RoomCreated.language");

	private static final EventSchemas schemas = new EventSchemas();

	private static final EventJson eventJson = new EventJson();

	@ParameterizedTest
	@EnumSource(EventType.class)
	void serialisedEventsMatchTheirSchema(EventType eventType) {
		assertThat(schemas.validate(eventJson.toJson(EventSamples.event(eventType)))).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("requiredDataFields")
	void schemaRejectsAMissingDataField(EventType eventType, String field) {
		ObjectNode event = sample(eventType);
		data(event).remove(field);
		assertThat(schemas.validate(event.toString()))
			.containsExactly("$.data: required property '" + field + "' not found");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void schemaRejectsAWrongFieldType(EventType eventType) {
		ObjectNode event = sample(eventType);
		String field = eventType.dataClass().getRecordComponents()[0].getName();
		data(event).put(field, 42);
		assertThat(schemas.validate(event.toString())).contains("$.data." + field + ": integer found, string expected");
	}

	@ParameterizedTest
	@EnumSource(EventType.class)
	void schemaRejectsAnExtraDataProperty(EventType eventType) {
		ObjectNode event = sample(eventType);
		data(event).put("surprise", "boo");
		assertThat(schemas.validate(event.toString())).singleElement()
			.satisfies((violation) -> assertThat(violation).startsWith("$.data: property 'surprise'"));
	}

	@Test
	void schemaRejectsAnUnknownEnumValue() {
		ObjectNode event = sample(EventType.AGENT_STATUS_CHANGED);
		data(event).put("status", "SLEEPING");
		assertThat(schemas.validate(event.toString())).singleElement()
			.satisfies((violation) -> assertThat(violation).startsWith("$.data.status:"));
	}

	@Test
	void schemaRejectsANegativePointBalance() {
		ObjectNode event = sample(EventType.POINTS_CHANGED);
		data(event).put("balance", -1);
		assertThat(schemas.validate(event.toString())).singleElement()
			.satisfies((violation) -> assertThat(violation).startsWith("$.data.balance:"));
	}

	@Test
	void schemaRejectsAnIdThatIsNotAUuid() {
		ObjectNode event = sample(EventType.ROOM_CLOSED);
		event.put("id", "room-closed-1");
		assertThat(schemas.validate(event.toString())).isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation).startsWith("$.id:"));
	}

	@Test
	void schemaRejectsATimeThatIsNotIsoUtc() {
		ObjectNode event = sample(EventType.ROOM_CLOSED);
		event.put("time", "2025-03-01T12:15:30+02:00");
		assertThat(schemas.validate(event.toString())).singleElement()
			.satisfies((violation) -> assertThat(violation).startsWith("$.time:"));
		event.put("time", "1 March 2025");
		assertThat(schemas.validate(event.toString())).isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation).startsWith("$.time:"));
	}

	@Test
	void schemaRejectsAnotherSpecVersionOrContentType() {
		ObjectNode event = sample(EventType.ROOM_CLOSED);
		event.put("specversion", "0.3");
		event.put("datacontenttype", "text/plain");
		assertThat(schemas.validate(event.toString())).containsExactlyInAnyOrder(
				"$.specversion: must be the constant value '1.0'",
				"$.datacontenttype: must be the constant value 'application/json'");
	}

	@Test
	void schemaRejectsAMissingEnvelopeAttribute() {
		ObjectNode event = sample(EventType.ROOM_CLOSED);
		event.remove("orgid");
		assertThat(schemas.validate(event.toString())).containsExactly("$: required property 'orgid' not found");
	}

	@Test
	void schemaRejectsATypeThatDoesNotMatchTheData() {
		ObjectNode event = sample(EventType.TICKET_ASSIGNED);
		event.put("type", EventType.TICKET_CREATED.type());
		assertThat(schemas.validate(event.toString())).isNotEmpty()
			.allSatisfy((violation) -> assertThat(violation).startsWith("$.data"));
	}

	@Test
	void unknownTypeIsAViolationNamingIt() {
		ObjectNode event = sample(EventType.ROOM_CLOSED);
		event.put("type", "chat.room.exploded.v1");
		assertThat(schemas.validate(event.toString())).singleElement()
			.satisfies((violation) -> assertThat(violation).contains("chat.room.exploded.v1"));
	}

	@Test
	void missingTypeOrBadJsonIsAViolation() {
		ObjectNode event = sample(EventType.ROOM_CLOSED);
		event.remove("type");
		assertThat(schemas.validate(event.toString())).singleElement()
			.satisfies((violation) -> assertThat(violation).startsWith("$.type:"));
		assertThat(schemas.validate("{\"type\":")).singleElement()
			.satisfies((violation) -> assertThat(violation).contains("not valid JSON"));
	}

	@Test
	void everyEventTypeHasASchemaFileAndEverySchemaFileAnEventType() throws IOException, URISyntaxException {
		Path directory = Path.of(EventSchemasTests.class.getResource("/event-schemas").toURI());
		Set<String> files;
		try (Stream<Path> paths = Files.list(directory)) {
			files = paths.map((path) -> "/event-schemas/" + path.getFileName()).collect(Collectors.toSet());
		}
		Set<String> expected = Arrays.stream(EventType.values())
			.map(EventType::schemaResource)
			.collect(Collectors.toSet());
		assertThat(files).containsExactlyInAnyOrderElementsOf(
				Stream.concat(expected.stream(), Stream.of("/event-schemas/cloudevent.json")).toList());
	}

	static Stream<Arguments> requiredDataFields() {
		return Arrays.stream(EventType.values())
			.flatMap((eventType) -> Arrays.stream(eventType.dataClass().getRecordComponents())
				.map((component) -> component.getName())
				.filter((name) -> !OPTIONAL_FIELDS.contains(eventType.dataClass().getSimpleName() + "." + name))
				.map((name) -> Arguments.of(eventType, name)));
	}

	private static ObjectNode sample(EventType eventType) {
		return (ObjectNode) eventJson.mapper().readTree(eventJson.toJson(EventSamples.event(eventType)));
	}

	private static ObjectNode data(ObjectNode event) {
		return (ObjectNode) event.get("data");
	}

}
