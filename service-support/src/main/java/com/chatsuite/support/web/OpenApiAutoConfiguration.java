package com.chatsuite.support.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Publishes a service's OpenAPI document (SPEC section 3): the hand-written
 * {@code openapi.yaml} at the root of its classpath, as JSON at {@value #JSON_PATH} and
 * as written at {@value #YAML_PATH}. The gateway serves every service's document with a
 * UI. Both answers are prepared once, at start-up; a document that is not valid YAML
 * stops the service from starting.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnResource(resources = "classpath:" + OpenApiAutoConfiguration.DOCUMENT)
public class OpenApiAutoConfiguration {

	/** The document on the classpath. */
	static final String DOCUMENT = "openapi.yaml";

	/** Where the document is served as JSON. */
	public static final String JSON_PATH = "/v3/api-docs";

	/** Where the document is served as YAML. */
	public static final String YAML_PATH = "/v3/api-docs.yaml";

	@Bean
	RouterFunction<ServerResponse> openApiDocument() {
		byte[] yaml = read(new ClassPathResource(DOCUMENT));
		JsonNode document = YAMLMapper.builder().build().readTree(yaml);
		byte[] json = JsonMapper.builder().build().writeValueAsBytes(document);
		MediaType yamlType = MediaType.parseMediaType("application/yaml");
		return RouterFunctions.route()
			.GET(JSON_PATH, (request) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json))
			.GET(YAML_PATH, (request) -> ServerResponse.ok().contentType(yamlType).bodyValue(yaml))
			.build();
	}

	private static byte[] read(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
