package com.chatsuite.gateway.security;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * The per-client limits, asked about a request whose token was refused: it counts against
 * its path's limit like any other request there (a visitor path stays limited whatever
 * headers it carries), and a client over the limit is told to slow down rather than told
 * once more that its token is no good.
 */
public interface RefusalLimits {

	/** No limits. */
	RefusalLimits NONE = (exchange) -> Optional.empty();

	/**
	 * Counts a refused request against the limit of its path, if one covers it.
	 * @param exchange the request
	 * @return the 429 answer when the client is over the limit, empty otherwise
	 */
	Optional<Mono<Void>> overLimit(ServerWebExchange exchange);

}
