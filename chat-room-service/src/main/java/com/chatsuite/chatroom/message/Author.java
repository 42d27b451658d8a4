package com.chatsuite.chatroom.message;

import java.util.Arrays;
import java.util.Optional;

import com.chatsuite.contracts.events.chat.SenderType;

/**
 * Who wrote a message, as the chat room API names it.
 */
public enum Author {

	/** The visitor. */
	CLIENT("client", SenderType.VISITOR),

	/** An agent of the room's organisation. */
	AGENT("agent", SenderType.AGENT),

	/** The platform: agent joined, auto-close warnings. */
	SYSTEM("system", SenderType.SYSTEM);

	private final String value;

	private final SenderType senderType;

	Author(String value, SenderType senderType) {
		this.value = value;
		this.senderType = senderType;
	}

	/** The API's name. */
	public String value() {
		return this.value;
	}

	SenderType senderType() {
		return this.senderType;
	}

	static Optional<Author> of(String value) {
		return Arrays.stream(values()).filter((author) -> author.value.equals(value)).findFirst();
	}

}
