package com.chatsuite.contracts.api;

/**
 * One invalid request field, as listed in the {@code errors} of the addon admin API and
 * the partner API error bodies.
 *
 * @param field the request field at fault
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {

	/**
	 * Create a field error.
	 * @param field the request field at fault
	 * @param message what is wrong with it
	 * @return the field error
	 */
	public static FieldError of(String field, String message) {
		return new FieldError(field, message);
	}

}
