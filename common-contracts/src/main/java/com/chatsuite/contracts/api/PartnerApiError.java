package com.chatsuite.contracts.api;

import java.util.List;

/**
 * Error body of the partner API: {@code {"status": "error", "message": "...", "errors":
 * [{"field": "...", "message": "..."}]}}.
 *
 * @param status always {@code error}
 * @param message a human-readable reason naming the field or id at fault
 * @param errors the invalid fields, possibly none
 */
public record PartnerApiError(String status, String message, List<FieldError> errors) {

	public PartnerApiError {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	/**
	 * Create an error body.
	 * @param message a human-readable reason naming the field or id at fault
	 * @param errors the invalid fields
	 * @return the body
	 */
	public static PartnerApiError of(String message, FieldError... errors) {
		return new PartnerApiError("error", message, List.of(errors));
	}

}
