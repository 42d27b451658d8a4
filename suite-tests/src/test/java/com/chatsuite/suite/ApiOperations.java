package com.chatsuite.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The operations a service's OpenAPI document declares, read as far as a fuzzer needs
 * them: method, path template, parameters, the request body's fields and who may call.
 */
final class ApiOperations {

	private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

	private ApiOperations() {
	}

	/**
	 * A parameter.
	 *
	 * @param name its name
	 * @param in {@code path}, {@code query} or {@code header}
	 * @param type its schema type
	 * @param values its enumerated values, empty when free
	 * @param required whether it must be present
	 */
	record Parameter(String name, String in, String type, List<String> values, boolean required) {
	}

	/**
	 * A field of a JSON request body.
	 *
	 * @param type its schema type
	 * @param values its enumerated values, empty when free
	 */
	record Field(String type, List<String> values) {
	}

	/**
	 * One operation.
	 *
	 * @param service the service whose document declares it
	 * @param method the HTTP method, upper case
	 * @param path the path template
	 * @param parameters its parameters
	 * @param body the request body's fields, {@code null} when it takes no body
	 * @param security the alternatives of who may call, each a list of {@code scheme} or
	 * {@code scheme:scope} names; an empty alternative means anyone
	 */
	record Operation(String service, String method, String path, List<Parameter> parameters, Map<String, Field> body,
			List<List<String>> security) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	static List<Operation> read(String service, JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		List<List<String>> defaultSecurity = security(document.path("security"));
		document.path("paths").properties().forEach((path) -> {
			List<Parameter> shared = parameters(document, path.getValue().path("parameters"));
			for (String method : METHODS) {
				JsonNode operation = path.getValue().path(method);
				if (operation.isMissingNode()) {
					continue;
				}
				List<Parameter> parameters = new ArrayList<>(shared);
				parameters.addAll(parameters(document, operation.path("parameters")));
				List<List<String>> security = operation.has("security") ? security(operation.path("security"))
						: defaultSecurity;
				operations.add(new Operation(service, method.toUpperCase(Locale.ROOT), path.getKey(), parameters,
						body(document, operation.path("requestBody")), security));
			}
		});
		return operations;
	}

	private static List<Parameter> parameters(JsonNode document, JsonNode list) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode parameter : list) {
			JsonNode resolved = resolve(document, parameter);
			JsonNode schema = resolve(document, resolved.path("schema"));
			parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(), type(schema),
					values(schema), resolved.path("required").asBoolean(false)));
		}
		return parameters;
	}

	private static Map<String, Field> body(JsonNode document, JsonNode requestBody) {
		if (requestBody.isMissingNode()) {
			return null;
		}
		JsonNode content = resolve(document, requestBody).path("content");
		JsonNode schema = content.has("application/json") ? content.path("application/json").path("schema")
				: content.path("application/x-www-form-urlencoded").path("schema");
		Map<String, Field> fields = new LinkedHashMap<>();
		collectFields(document, resolve(document, schema), fields);
		return fields;
	}

	private static void collectFields(JsonNode document, JsonNode schema, Map<String, Field> fields) {
		for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
			for (JsonNode part : schema.path(combinator)) {
				collectFields(document, resolve(document, part), fields);
			}
		}
		schema.path("properties").properties().forEach((property) -> {
			JsonNode propertySchema = resolve(document, property.getValue());
			fields.putIfAbsent(property.getKey(), new Field(type(propertySchema), values(propertySchema)));
		});
	}

	private static List<List<String>> security(JsonNode requirements) {
		List<List<String>> alternatives = new ArrayList<>();
		for (JsonNode requirement : requirements) {
			List<String> schemes = new ArrayList<>();
			requirement.properties().forEach((scheme) -> {
				JsonNode scopes = scheme.getValue();
				schemes.add(scopes.isEmpty() ? scheme.getKey() : scheme.getKey() + ":" + scopes.get(0).asString());
			});
			alternatives.add(schemes);
		}
		return alternatives;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode candidate : type) {
				if (!"null".equals(candidate.asString())) {
					return candidate.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		for (String combinator : List.of("oneOf", "anyOf")) {
			if (schema.path(combinator).size() > 0) {
				return type(schema.path(combinator).get(0));
			}
		}
		return "string";
	}

	private static List<String> values(JsonNode schema) {
		List<String> values = new ArrayList<>();
		schema.path("enum").forEach((value) -> values.add(value.asString()));
		if (schema.has("const")) {
			values.add(schema.path("const").asString());
		}
		return values;
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		JsonNode resolved = node;
		while (resolved.has("$ref")) {
			String reference = resolved.path("$ref").asString();
			resolved = document.at(reference.substring(1));
		}
		return resolved;
	}

}
