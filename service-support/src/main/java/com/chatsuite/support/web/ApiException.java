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

	public ApiException(HttpStatusCode status, String message, String field) {
		super(message);
		this.status = status;
		this.field = field;
	}

	public static ApiException badRequest(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, message, field);
	}

	public static ApiException unauthorized(String field, String message) {
		return new ApiException(HttpStatus.UNAUTHORIZED, message, field);
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

	/** The request field at fault, or {@code null} when the fault is not one field's. */
	public String field() {
		return this.field;
	}

}
