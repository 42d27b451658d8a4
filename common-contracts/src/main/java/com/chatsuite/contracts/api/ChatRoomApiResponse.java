package com.chatsuite.contracts.api;

/**
 * Success body of the chat room API: {@code {"success": true, "message": "...",
 * "response": ...}}.
 *
 * @param success always {@code true}
 * @param message a human-readable summary
 * @param response the response payload
 * @param <T> the payload type
 */
public record ChatRoomApiResponse<T>(boolean success, String message, T response) {

	/**
	 * Create a success body.
	 * @param message a human-readable summary
	 * @param response the response payload
	 * @param <T> the payload type
	 * @return the body
	 */
	public static <T> ChatRoomApiResponse<T> ok(String message, T response) {
		return new ChatRoomApiResponse<>(true, message, response);
	}

}
