package com.chatsuite.partner.web;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * The operation a request made with an {@code Idempotency-Key} performs: one id for every
 * attempt of the same request. An attempt that failed, was cancelled or whose answer was
 * lost may have made its change all the same; an endpoint that records its change under
 * this id (a points entry) sees it when the request runs again, and does not make it
 * twice.
 */
public final class IdempotentOperation {

	static final String ATTRIBUTE = IdempotentOperation.class.getName();

	private IdempotentOperation() {
	}

	/**
	 * The operation id of a keyed request.
	 * @param exchange the request
	 * @return its id, empty for a request without a key
	 */
	public static Optional<String> of(ServerWebExchange exchange) {
		return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
	}

}
