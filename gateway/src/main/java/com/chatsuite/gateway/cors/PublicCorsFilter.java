package com.chatsuite.gateway.cors;

import java.util.List;

import com.chatsuite.gateway.WebFilterOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * CORS for the public chat paths only. Preflight requests to them are answered here,
 * before authentication; every other path is left untouched, so it carries no CORS header
 * at all and browsers refuse cross-origin calls to it.
 */
@Component
class PublicCorsFilter implements WebFilter, Ordered {

	private final List<PathPattern> paths;

	private final CorsWebFilter cors;

	PublicCorsFilter(CorsProperties properties) {
		this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(properties.allowedOrigins());
		configuration.setAllowedMethods(properties.allowedMethods());
		configuration.setAllowedHeaders(properties.allowedHeaders());
		configuration.setExposedHeaders(properties.exposedHeaders());
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		properties.paths().forEach((path) -> source.registerCorsConfiguration(path, configuration));
		this.cors = new CorsWebFilter(source);
	}

	@Override
	public String toString() {
		// Names a checkpoint of the web filter chain on every request: keep it cheap.
		return "PublicCorsFilter";
	}

	@Override
	public int getOrder() {
		return WebFilterOrder.CORS;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		for (PathPattern pattern : this.paths) {
			if (pattern.matches(path)) {
				return this.cors.filter(exchange, chain);
			}
		}
		return chain.filter(exchange);
	}

}
