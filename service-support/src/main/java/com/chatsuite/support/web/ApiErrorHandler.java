package com.chatsuite.support.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders every error of a service in its API family's shape: one place, no stack traces,
 * the right status (SPEC section 3). A subclass gives the family's body; the decisions
 * are shared: an {@link ApiException} as it says, an unreachable MongoDB 503 with
 * {@code Retry-After}, a write that lost to a concurrent one 409, a body over the limit
 * 413, Spring's own refusals (404, 405, 415) described, anything else 500 without details
 * (and logged).
 */
@Order(-2)
public abstract class ApiErrorHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiErrorHandler.class);

	private static final long STORE_RETRY_AFTER_SECONDS = 5;

	/**
	 * The path prefixes of the API families (SPEC section 3), as the gateway tells them
	 * apart ({@code ApiFamily}); other paths (the JWK set, health, documents, the
	 * widget's embed answers) belong to none.
	 */
	private static final List<String> FAMILY_PREFIXES = List.of("/admin", "/auth", "/platform", "/embed", "/partner",
			"/v1", "/api/v2");

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode status;
		Object body;
		if (ex instanceof ApiException api) {
			status = api.status();
			body = body(exchange, status, api.getMessage(), api);
			if (api.retryAfterSeconds() != null) {
				response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(api.retryAfterSeconds()));
			}
		}
		else if (ex instanceof ConcurrencyFailureException) {
			// Retried where the operation allows it; what is left is the client's to
			// retry.
			status = HttpStatus.CONFLICT;
			body = body(exchange, status,
					"the data was changed by another request at the same time; read it again and retry", null);
		}
		else if (isStoreUnavailable(ex)) {
			logger.warn("Data store unavailable on " + exchange.getRequest().getPath() + ": " + ex.getMessage());
			status = HttpStatus.SERVICE_UNAVAILABLE;
			body = body(exchange, status, "the data store is unavailable right now, try again later", null);
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(STORE_RETRY_AFTER_SECONDS));
		}
		else if (isInvalidMediaType(ex)) {
			status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			body = body(exchange, status,
					"Content-Type is not a valid media type; send application/json or application/x-www-form-urlencoded",
					null);
		}
		else if (ex instanceof DataBufferLimitException) {
			status = HttpStatus.CONTENT_TOO_LARGE;
			body = body(exchange, status, "request body is too large", null);
		}
		else if (ex instanceof ResponseStatusException rse) {
			status = rse.getStatusCode();
			body = body(exchange, status, describe(rse), null);
		}
		else {
			logger.error("Unexpected error on " + exchange.getRequest().getPath(), ex);
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			body = body(exchange, status, "internal error", null);
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	/**
	 * The error body of the service's API family.
	 * @param exchange the request, for services that serve more than one family
	 * @param status the status answered
	 * @param message a human-readable reason
	 * @param refusal the service's own refusal, naming the field at fault if any;
	 * {@code null} for errors the handler classified itself
	 * @return the body, serialised as JSON
	 */
	protected abstract Object errorBody(ServerWebExchange exchange, HttpStatusCode status, String message,
			ApiException refusal);

	/**
	 * The body of an error: the family's, or {@code {"status": <code>, "message": ...}}
	 * on the paths outside the API families (the JWK set, health, the OpenAPI document),
	 * as the gateway answers its own paths.
	 */
	private Object body(ServerWebExchange exchange, HttpStatusCode status, String message, ApiException refusal) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		for (String prefix : FAMILY_PREFIXES) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return errorBody(exchange, status, message, refusal);
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("message", message);
		return body;
	}

	/**
	 * MongoDB unreachable, timed out or without a primary: Spring Data's translations and
	 * the driver's own exceptions, wherever they sit in the cause chain.
	 */
	static boolean isStoreUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ConcurrencyFailureException) {
				// A conflict with another write, not an outage (an optimistic lock).
				return false;
			}
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
					|| cause instanceof MongoNotPrimaryException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Tells a {@code Content-Type} header that does not parse, wherever Spring read it.
	 * @param ex what went wrong
	 * @return whether it was an invalid media type
	 */
	public static boolean isInvalidMediaType(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof InvalidMediaTypeException || cause instanceof InvalidMimeTypeException) {
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
