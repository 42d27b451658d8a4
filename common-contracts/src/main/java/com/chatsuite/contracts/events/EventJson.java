package com.chatsuite.contracts.events;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link CloudEvent CloudEvents} as JSON, binding {@code data} to the
 * record class of the event's {@code type}. Thread-safe; create one and share it.
 */
public final class EventJson {

	private static final List<String> REQUIRED_ATTRIBUTES = List.of("specversion", "id", "source", "type", "time",
			"subject", "datacontenttype", "orgid");

	private final JsonMapper mapper;

	public EventJson() {
		this.mapper = JsonMapper.builder()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			// Consumers must keep reading events that a newer producer enriched.
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

	/**
	 * Return the mapper used for events, for callers that need the same configuration.
	 * @return the JSON mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Serialise an event to UTF-8 JSON.
	 * @param event the event
	 * @return the JSON bytes
	 */
	public byte[] toBytes(CloudEvent<?> event) {
		return this.mapper.writeValueAsBytes(event);
	}

	/**
	 * Serialise an event to JSON text.
	 * @param event the event
	 * @return the JSON text
	 */
	public String toJson(CloudEvent<?> event) {
		return this.mapper.writeValueAsString(event);
	}

	/**
	 * Read an event from UTF-8 JSON.
	 * @param json the JSON bytes
	 * @return the event, its data bound to the record class of its type
	 * @throws EventFormatException if the bytes are not a complete event of a known type
	 */
	public CloudEvent<?> fromBytes(byte[] json) {
		if (json == null) {
			throw new EventFormatException("Event is null");
		}
		return fromTree(parse(() -> this.mapper.readTree(json)));
	}

	/**
	 * Read an event from JSON text.
	 * @param json the JSON text
	 * @return the event, its data bound to the record class of its type
	 * @throws EventFormatException if the text is not a complete event of a known type
	 */
	public CloudEvent<?> fromJson(String json) {
		if (json == null) {
			throw new EventFormatException("Event is null");
		}
		return fromTree(parse(() -> this.mapper.readTree(json)));
	}

	private JsonNode parse(Supplier<JsonNode> reader) {
		try {
			JsonNode tree = reader.get();
			if (tree == null || !tree.isObject()) {
				throw new EventFormatException("Event is not a JSON object");
			}
			return tree;
		}
		catch (JacksonException ex) {
			throw new EventFormatException("Event is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private CloudEvent<?> fromTree(JsonNode tree) {
		for (String attribute : REQUIRED_ATTRIBUTES) {
			JsonNode value = tree.get(attribute);
			if (value == null || !value.isString() || value.stringValue().isBlank()) {
				throw new EventFormatException("Event attribute '" + attribute + "' is missing, blank or not a string");
			}
		}
		String type = tree.get("type").stringValue();
		EventType eventType = EventType.fromType(type)
			.orElseThrow(() -> new EventFormatException("Unknown event type '" + type + "'"));
		JsonNode data = tree.get("data");
		if (data == null || !data.isObject()) {
			throw new EventFormatException("Event attribute 'data' of " + type + " is missing or not an object");
		}
		JavaType javaType = this.mapper.getTypeFactory()
			.constructParametricType(CloudEvent.class, eventType.dataClass());
		try {
			return this.mapper.treeToValue(tree, javaType);
		}
		catch (JacksonException ex) {
			throw new EventFormatException("Event of type " + type + " is invalid: " + describe(ex), ex);
		}
	}

	private static String describe(JacksonException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof NullPointerException) {
			return "required field '" + cause.getMessage() + "' is missing";
		}
		if (cause instanceof IllegalArgumentException) {
			return cause.getMessage();
		}
		return ex.getOriginalMessage();
	}

}
