package com.chatsuite.chatroom.message;

import com.chatsuite.chatroom.access.Caller;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;

/**
 * A message as a caller posts it, checked field by field.
 *
 * @param text the text
 * @param author who writes it
 */
record MessageInput(String text, Author author) {

	/** The only message type so far. */
	static final String TEXT = "text";

	/**
	 * Reads and checks a {@code create_message} request.
	 * @param fields the request fields
	 * @param caller who posts
	 * @param maxLength the longest text accepted, in characters
	 * @return the input; 400 naming the field at fault, 403 when the caller may not post
	 * as the author given
	 */
	static MessageInput read(RequestFields fields, Caller caller, int maxLength) {
		Object text = fields.raw("message_data");
		if (text == null) {
			throw ApiException.badRequest("message_data", "message_data is required");
		}
		if (!(text instanceof String value)) {
			throw ApiException.badRequest("message_data", "message_data must be a string");
		}
		int length = value.codePointCount(0, value.length());
		if (value.isBlank() || length > maxLength) {
			throw ApiException.badRequest("message_data",
					"message_data must have between 1 and " + maxLength + " characters");
		}
		String type = fields.optionalText("message_type");
		if (type != null && !TEXT.equals(type)) {
			throw ApiException.badRequest("message_type", "message_type must be text");
		}
		fields.optionalBoolean("side");
		return new MessageInput(value, author(fields.optionalText("author"), caller));
	}

	private static Author author(String given, Caller caller) {
		boolean visitor = caller instanceof Caller.Visitor;
		if (given == null) {
			return visitor ? Author.CLIENT : Author.AGENT;
		}
		Author author = Author.of(given)
			.orElseThrow(() -> ApiException.badRequest("author", "author must be client, agent or system"));
		if (visitor && author != Author.CLIENT) {
			throw ApiException.forbidden("author", "a visitor posts as client");
		}
		if (!visitor && author == Author.CLIENT) {
			throw ApiException.forbidden("author", "an agent posts as agent or system");
		}
		return author;
	}

}
