package com.chatsuite.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a service's published OpenAPI document against the service itself: the same
 * operations as its controllers map, every reference resolving, every operation with an
 * id, a summary and a documented answer.
 */
public final class OpenApiAssertions {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private OpenApiAssertions() {
	}

	/**
	 * Asserts the document served at {@code /v3/api-docs} describes exactly the
	 * application's request mappings and is internally consistent.
	 * @param web a client bound to the application
	 * @param context the application context
	 */
	public static void assertDocumentsEveryEndpoint(WebTestClient web, ApplicationContext context) {
		byte[] body = web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode document = JsonMapper.builder().build().readTree(body);
		assertThat(document.path("openapi").asString()).startsWith("3.");
		assertThat(document.path("info").path("title").asString()).isNotBlank();
		Set<String> mapped = mapped(context);
		assertThat(mapped).as("request mappings of the application").isNotEmpty();
		assertThat(documented(document)).as("operations in the OpenAPI document").containsExactlyElementsOf(mapped);
		assertThat(unresolvedReferences(document, document, "#")).as("references that resolve to nothing").isEmpty();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (METHODS.contains(operation.getKey())) {
				String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
				assertThat(operation.getValue().path("operationId").asString()).as("operationId of " + name)
					.isNotBlank();
				assertThat(operation.getValue().path("summary").asString()).as("summary of " + name).isNotBlank();
				assertThat(operation.getValue().path("responses").size()).as("responses of " + name).isPositive();
			}
		}));
	}

	private static Set<String> documented(JsonNode document) {
		Set<String> operations = new TreeSet<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (METHODS.contains(operation.getKey())) {
				operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
			}
		}));
		return operations;
	}

	private static Set<String> mapped(ApplicationContext context) {
		Set<String> operations = new TreeSet<>();
		for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
					String path = pattern.getPatternString();
					if (path.startsWith("/actuator") || path.equals("/error")) {
						continue;
					}
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						operations.add(method.name() + " " + path);
					}
				}
			}
		}
		return operations;
	}

	private static List<String> unresolvedReferences(JsonNode root, JsonNode node, String where) {
		List<String> unresolved = new ArrayList<>();
		if (node.isObject()) {
			JsonNode ref = node.get("$ref");
			if (ref != null && ref.isString() && ref.asString().startsWith("#/")
					&& root.at(ref.asString().substring(1)).isMissingNode()) {
				unresolved.add(where + ": " + ref.asString());
			}
			node.properties()
				.forEach((field) -> unresolved
					.addAll(unresolvedReferences(root, field.getValue(), where + "/" + field.getKey())));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				unresolved.addAll(unresolvedReferences(root, node.get(i), where + "/" + i));
			}
		}
		return unresolved;
	}

}
