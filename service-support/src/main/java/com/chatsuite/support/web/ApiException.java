package com.chatsuite.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A request that cannot be served, with the status and the reason to show the caller.
 * Each service renders it in its API family's error shape in one place.
 */
public class ApiException extends RuntimeException {

	private final HttpStatusCode status;

	private final String field;

	private final Long retryAfterSeconds;

	public ApiException(HttpStatusCode status, String message, String field) {
		this(status, message, field, null);
	}

	private ApiException(HttpStatusCode status, String message, String field, Long retryAfterSeconds) {
		super(message);
		this.status = status;
		this.field = field;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * Too many requests; answered 429 with {@code Retry-After}.
	 * @param message the reason
	 * @param retryAfterSeconds when to try again
	 * @return the exception
	 */
	public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, message, null, retryAfterSeconds);
	}

	/**
	 * Something the request needs is unavailable for now (503, with {@code Retry-After}).
	 * @param message what is unavailable
	 * @param retryAfterSeconds when to try again
	 * @return the exception
	 */
	public static ApiException unavailable(String message, long retryAfterSeconds) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message, null, retryAfterSeconds);
	}

	public static ApiException badRequest(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, message, field);
	}

	public static ApiException unauthorized(String field, String message) {
		return new ApiException(HttpStatus.UNAUTHORIZED, message, field);
	}

	public static ApiException forbidden(String field, String message) {
		return new ApiException(HttpStatus.FORBIDDEN, message, field);
	}

	public static ApiException notFound(String field, String message) {
		return new ApiException(HttpStatus.NOT_FOUND, message, field);
	}

	public static ApiException conflict(String field, String message) {
		return new ApiException(HttpStatus.CONFLICT, message, field);
	}

	public HttpStatusCode status() {
		return this.status;
	}

	/** Seconds after which a retry may succeed, or {@code null}. */
	public Long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/** The request field at fault, or {@code null} when the fault is not one field's. */
	public String field() {
		return this.field;
	}

}
