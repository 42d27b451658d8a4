package com.chatsuite.contracts.events;

/**
 * Thrown when bytes or text cannot be read as a known, complete {@link CloudEvent}: bad
 * JSON, a missing envelope attribute, an unknown event type or invalid data.
 */
public class EventFormatException extends RuntimeException {

	public EventFormatException(String message) {
		super(message);
	}

	public EventFormatException(String message, Throwable cause) {
		super(message, cause);
	}

}
