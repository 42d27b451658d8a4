package com.chatsuite.contracts.api;

/**
 * Success body of the addon admin API: {@code {"status": 1, "data": ...}}.
 *
 * @param status always {@code 1}
 * @param data the response payload
 * @param <T> the payload type
 */
public record AddonApiResponse<T>(int status, T data) {

	/**
	 * Create a success body.
	 * @param data the response payload
	 * @param <T> the payload type
	 * @return the body
	 */
	public static <T> AddonApiResponse<T> ok(T data) {
		return new AddonApiResponse<>(1, data);
	}

}
