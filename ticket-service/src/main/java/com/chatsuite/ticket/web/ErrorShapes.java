package com.chatsuite.ticket.web;

import java.util.Locale;

import com.chatsuite.contracts.api.TicketApiError;
import com.chatsuite.support.web.AddonApiErrorHandler;
import com.chatsuite.support.web.ApiErrorHandler;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.ticket.ticket.TicketStatus;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders every error in the shape of the API family its path belongs to: the addon admin
 * API's for {@code /admin/**} (routing settings), the agent ticket API's exact
 * {@code {"errors": [{"status": "404", "title": "not found"}]}} for everything else.
 */
@Order(-2)
class ErrorShapes implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ErrorShapes.class);

	private static final long STORE_RETRY_AFTER_SECONDS = 5;

	private final AddonApiErrorHandler addonFamily = new AddonApiErrorHandler();

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getRequest().getPath().value().startsWith("/admin/")) {
			return this.addonFamily.handle(exchange, ex);
		}
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatus status = status(exchange, ex);
		if (ex instanceof ApiException api && api.retryAfterSeconds() != null) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(api.retryAfterSeconds()));
		}
		else if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(STORE_RETRY_AFTER_SECONDS));
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = this.json.writeValueAsBytes(TicketApiError.of(status.value(), title(status)));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private static HttpStatus status(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof ApiException api) {
			return HttpStatus.valueOf(api.status().value());
		}
		if (ex instanceof ResponseStatusException rse) {
			return HttpStatus.valueOf(rse.getStatusCode().value());
		}
		if (ex instanceof TicketStatus.IllegalTransition) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof DataBufferLimitException) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		if (ApiErrorHandler.isInvalidMediaType(ex)) {
			return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		}
		if (isStoreUnavailable(ex)) {
			logger.warn("Data store unavailable on " + exchange.getRequest().getPath() + ": " + ex.getMessage());
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		logger.error("Unexpected error on " + exchange.getRequest().getPath(), ex);
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** The reference document's titles, and the reason phrase in lower case otherwise. */
	static String title(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "not authorize";
			default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
		};
	}

	private static boolean isStoreUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
