package com.chatsuite.contracts.api;

/**
 * Error body of the chat room API: {@code {"success": false, "message": "..."}}.
 *
 * @param success always {@code false}
 * @param message a human-readable reason naming the field or id at fault
 */
public record ChatRoomApiError(boolean success, String message) {

	/**
	 * Create an error body.
	 * @param message a human-readable reason naming the field or id at fault
	 * @return the body
	 */
	public static ChatRoomApiError of(String message) {
		return new ChatRoomApiError(false, message);
	}

}
