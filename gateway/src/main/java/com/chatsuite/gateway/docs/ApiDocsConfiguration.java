package com.chatsuite.gateway.docs;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chatsuite.gateway.routing.GatewayProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The suite's API documentation in one place (SPEC section 3): Swagger UI at
 * {@code /docs}, listing the OpenAPI document of every service that publishes one
 * ({@code suite.gateway.docs.services}), each fetched through the gateway at
 * {@code /v3/api-docs/<service>}. Requests go to the gateway itself, so "Try it out" goes
 * through the same token checks as any client.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	RouterFunction<ServerResponse> apiDocsUi(GatewayProperties properties) {
		Map<String, Object> config = swaggerConfig(properties.docs().services());
		return RouterFunctions.route()
			.GET("/docs", (request) -> ServerResponse.temporaryRedirect(URI.create("/docs/index.html")).build())
			.GET("/v3/api-docs/swagger-config",
					(request) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(config))
			.build();
	}

	/**
	 * Swagger UI's configuration: one entry per document, paths relative to the UI page
	 * so they also work behind a path prefix.
	 */
	private static Map<String, Object> swaggerConfig(List<String> services) {
		List<Map<String, String>> urls = services.stream()
			.map((service) -> Map.of("name", service, "url", "../v3/api-docs/" + service))
			.toList();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("urls", urls);
		if (!services.isEmpty()) {
			config.put("urls.primaryName", services.get(0));
		}
		return config;
	}

}
