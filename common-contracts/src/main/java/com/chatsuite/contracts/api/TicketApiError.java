package com.chatsuite.contracts.api;

import java.util.List;

/**
 * Error body of the agent ticket API, exactly as its reference document shows:
 * {@code {"errors": [{"status": "404", "title": "not found"}]}}.
 *
 * @param errors the errors, usually one
 */
public record TicketApiError(List<ErrorObject> errors) {

	public TicketApiError {
		errors = List.copyOf(errors);
	}

	/**
	 * Return the documented 400 body.
	 * @return {@code 400 bad request}
	 */
	public static TicketApiError badRequest() {
		return of(400, "bad request");
	}

	/**
	 * Return the documented 401 body.
	 * @return {@code 401 not authorize}
	 */
	public static TicketApiError unauthorized() {
		return of(401, "not authorize");
	}

	/**
	 * Return the documented 403 body.
	 * @return {@code 403 forbidden}
	 */
	public static TicketApiError forbidden() {
		return of(403, "forbidden");
	}

	/**
	 * Return the documented 404 body.
	 * @return {@code 404 not found}
	 */
	public static TicketApiError notFound() {
		return of(404, "not found");
	}

	/**
	 * Return the documented 500 body.
	 * @return {@code 500 internal server error}
	 */
	public static TicketApiError internal() {
		return of(500, "internal server error");
	}

	/**
	 * Create a body with one error.
	 * @param status the HTTP status
	 * @param title the error title
	 * @return the body
	 */
	public static TicketApiError of(int status, String title) {
		return new TicketApiError(List.of(new ErrorObject(String.valueOf(status), title)));
	}

	/**
	 * One error of the agent ticket API.
	 *
	 * @param status the HTTP status, as a string
	 * @param title the error title
	 */
	public record ErrorObject(String status, String title) {

	}

}
