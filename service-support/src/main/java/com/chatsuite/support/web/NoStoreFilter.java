package com.chatsuite.support.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Marks the answers under some paths {@code Cache-Control: no-store} (and
 * {@code Pragma: no-cache} for HTTP/1.0 caches): answers that carry tokens, secrets or
 * private messages, which no browser or proxy cache may keep.
 */
public class NoStoreFilter implements WebFilter {

	private final List<String> prefixes;

	/**
	 * A filter for the paths that start with one of some prefixes.
	 * @param prefixes the path prefixes
	 */
	public NoStoreFilter(String... prefixes) {
		this.prefixes = List.of(prefixes);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (this.prefixes.stream().anyMatch(path::startsWith)) {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.setCacheControl(CacheControl.noStore());
			headers.setPragma("no-cache");
		}
		return chain.filter(exchange);
	}

}
