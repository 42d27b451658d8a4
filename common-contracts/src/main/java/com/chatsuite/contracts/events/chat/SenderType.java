package com.chatsuite.contracts.events.chat;

/**
 * Who posted a message in a room.
 */
public enum SenderType {

	/** The website visitor who opened the room. */
	VISITOR,

	/** The support agent holding the room's ticket. */
	AGENT,

	/** The organisation's own server, through the server-side chat room API. */
	SERVER,

	/** The platform itself, for example an auto-close warning. */
	SYSTEM

}
