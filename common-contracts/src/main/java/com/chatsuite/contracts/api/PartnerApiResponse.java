package com.chatsuite.contracts.api;

/**
 * Success body of the partner API: {@code {"status": "ok", "data": ...}}.
 *
 * @param status always {@code ok}
 * @param data the response payload
 * @param <T> the payload type
 */
public record PartnerApiResponse<T>(String status, T data) {

	/**
	 * Create a success body.
	 * @param data the response payload
	 * @param <T> the payload type
	 * @return the body
	 */
	public static <T> PartnerApiResponse<T> ok(T data) {
		return new PartnerApiResponse<>("ok", data);
	}

}
