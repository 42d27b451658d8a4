package com.chatsuite.support.web;

import java.util.List;

import com.chatsuite.contracts.api.AddonApiError;
import com.chatsuite.contracts.api.FieldError;
import com.mongodb.MongoNotPrimaryException;
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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders every error of a service of the addon API family in its shape
 * ({@code {"status": 0, "message", "errors": [{"field", "message"}]}}): one place, no
 * stack traces, the right status.
 */
@Order(-2)
public class AddonApiErrorHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(AddonApiErrorHandler.class);

	private static final long STORE_RETRY_AFTER_SECONDS = 5;

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode status;
		AddonApiError body;
		if (ex instanceof ApiException api) {
			status = api.status();
			String field = (api.field() != null) ? api.field() : "request";
			body = AddonApiError.of(api.getMessage(), FieldError.of(field, api.getMessage()));
			if (api.retryAfterSeconds() != null) {
				response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(api.retryAfterSeconds()));
			}
		}
		else if (isStoreUnavailable(ex)) {
			logger.warn("Data store unavailable on " + exchange.getRequest().getPath() + ": " + ex.getMessage());
			status = HttpStatus.SERVICE_UNAVAILABLE;
			body = AddonApiError.of("the data store is unavailable right now, try again later");
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(STORE_RETRY_AFTER_SECONDS));
		}
		else if (ex instanceof DataBufferLimitException) {
			status = HttpStatus.CONTENT_TOO_LARGE;
			body = AddonApiError.of("request body is too large");
		}
		else if (ex instanceof ResponseStatusException rse) {
			status = rse.getStatusCode();
			body = AddonApiError.of(describe(rse));
		}
		else {
			logger.error("Unexpected error on " + exchange.getRequest().getPath(), ex);
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			body = AddonApiError.of("internal error");
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	/**
	 * MongoDB unreachable, timed out or without a primary: Spring Data's translations and
	 * the driver's own exceptions, wherever they sit in the cause chain.
	 */
	static boolean isStoreUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
					|| cause instanceof MongoNotPrimaryException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(ResponseStatusException ex) {
		int code = ex.getStatusCode().value();
		return switch (code) {
			case 404 -> "no such endpoint";
			case 405 -> "method not allowed on this endpoint";
			case 415 -> "unsupported media type; send application/json or application/x-www-form-urlencoded";
			case 413 -> "request body is too large";
			case 400 -> (ex.getReason() != null) ? ex.getReason() : "bad request";
			default -> (ex.getReason() != null) ? ex.getReason() : HttpStatus.valueOf(code).getReasonPhrase();
		};
	}

}
