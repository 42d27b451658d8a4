package com.chatsuite.ticket.web;

import java.util.Locale;

import com.chatsuite.contracts.api.TicketApiError;
import com.chatsuite.support.web.AddonApiErrorHandler;
import com.chatsuite.support.web.ApiErrorHandler;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.ticket.ticket.TicketStatus;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error in the shape of the API family its path belongs to: the addon admin
 * API's for {@code /admin/**} (routing settings), the agent ticket API's exact
 * {@code {"errors": [{"status": "404", "title": "not found"}]}} for everything else. The
 * decisions (503 with {@code Retry-After} for an unreachable store, 409 for a write that
 * lost to a concurrent one, 415, 413, 500 without details) are service-support's.
 */
class ErrorShapes extends ApiErrorHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof TicketStatus.IllegalTransition transition) {
			return super.handle(exchange, ApiException.conflict("status", transition.getMessage()));
		}
		return super.handle(exchange, ex);
	}

	@Override
	protected Object errorBody(ServerWebExchange exchange, HttpStatusCode status, String message,
			ApiException refusal) {
		if (exchange.getRequest().getPath().value().startsWith("/admin/")) {
			return AddonApiErrorHandler.body(message, refusal);
		}
		return TicketApiError.of(status.value(), title(HttpStatus.valueOf(status.value())));
	}

	/** The reference document's titles, and the reason phrase in lower case otherwise. */
	static String title(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "not authorize";
			default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
		};
	}

}
