package com.chatsuite.contracts.api;

import java.util.List;

/**
 * Error body of the addon admin API: {@code {"status": 0, "message": "...", "errors":
 * [{"field": "...", "message": "..."}]}}.
 *
 * @param status always {@code 0}
 * @param message a human-readable reason naming the field or id at fault
 * @param errors the invalid fields, possibly none
 */
public record AddonApiError(int status, String message, List<FieldError> errors) {

	public AddonApiError {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	/**
	 * Create an error body.
	 * @param message a human-readable reason naming the field or id at fault
	 * @param errors the invalid fields
	 * @return the body
	 */
	public static AddonApiError of(String message, FieldError... errors) {
		return new AddonApiError(0, message, List.of(errors));
	}

}
