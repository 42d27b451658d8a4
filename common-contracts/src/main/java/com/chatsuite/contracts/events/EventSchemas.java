package com.chatsuite.contracts.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates serialised events against the JSON Schema (draft 2020-12) of their type. The
 * schemas are classpath resources under {@code /event-schemas/}, each loaded once.
 * Thread-safe; create one and share it.
 */
public final class EventSchemas {

	/** The {@code $id} prefix of every event schema, mapped to the classpath. */
	public static final String SCHEMA_ID_PREFIX = "https://schemas.chatsuite.example/events/";

	private static final String CLASSPATH_PREFIX = "classpath:event-schemas/";

	private final JsonMapper mapper = JsonMapper.shared();

	private final SchemaRegistry registry;

	private final Map<EventType, Schema> schemas = new ConcurrentHashMap<>();

	public EventSchemas() {
		// Draft 2020-12 only annotates "format"; the uuid id and date-time times must
		// hold.
		SchemaRegistryConfig config = SchemaRegistryConfig.builder()
			.formatAssertionsEnabled(true)
			.pathType(PathType.JSON_PATH)
			.build();
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config)
					.schemaIdResolvers((resolvers) -> resolvers.mapPrefix(SCHEMA_ID_PREFIX, CLASSPATH_PREFIX)));
	}

	/**
	 * Validate a serialised event against the schema named by its {@code type}.
	 * @param json the event as JSON text
	 * @return human-readable violations, each starting with the JSON path at fault (for
	 * example {@code $.data.roomId: integer found, string expected}); empty when the
	 * event is valid
	 */
	public List<String> validate(String json) {
		if (json == null) {
			return List.of("$: no event");
		}
		JsonNode event;
		try {
			event = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of("$: not valid JSON: " + ex.getOriginalMessage());
		}
		JsonNode type = (event != null) ? event.get("type") : null;
		if (type == null || !type.isString()) {
			return List.of("$.type: missing or not a string, so no schema applies");
		}
		return EventType.fromType(type.stringValue())
			.map((eventType) -> schema(eventType).validate(event).stream().map(EventSchemas::describe).toList())
			.orElseGet(() -> List.of("$.type: unknown event type '" + type.stringValue() + "'"));
	}

	private Schema schema(EventType eventType) {
		return this.schemas.computeIfAbsent(eventType,
				(key) -> this.registry.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + key.type() + ".json")));
	}

	private static String describe(Error error) {
		return error.getInstanceLocation() + ": " + error.getMessage();
	}

}
