package com.chatsuite.contracts.events;

import java.util.List;

/**
 * Kafka topic names of the suite. Every topic is keyed by the aggregate id (the
 * CloudEvent {@code subject}) so that one aggregate's events stay in order.
 */
public final class Topics {

	/** Token, session, API key and organisation revocations, produced by auth-service. */
	public static final String AUTH_REVOCATIONS = "auth.revocations";

	/**
	 * Organisations and the addons they install, produced by auth-service; organisation
	 * disabling and enabling travel on {@link #AUTH_REVOCATIONS}, since they revoke
	 * tokens.
	 */
	public static final String AUTH_ORGANISATIONS = "auth.organisations";

	/** Operators, domains and assignments, produced by operator-domain-service. */
	public static final String DIRECTORY_OPERATORS = "directory.operators";

	/** Room lifecycle and messages, produced by chat-room-service. */
	public static final String CHAT_ROOMS = "chat.rooms";

	/** Ticket lifecycle and agent presence, produced by ticket-service. */
	public static final String TICKETS = "tickets.tickets";

	/** Partner workspaces, plans and points, produced by partner-service. */
	public static final String PARTNER_WORKSPACES = "partner.workspaces";

	/** Every topic above. */
	public static final List<String> ALL = List.of(AUTH_REVOCATIONS, AUTH_ORGANISATIONS, DIRECTORY_OPERATORS,
			CHAT_ROOMS, TICKETS, PARTNER_WORKSPACES);

	private static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

	/**
	 * Return the dead-letter topic that receives the messages of {@code topic} a consumer
	 * could not process after its retries.
	 * @param topic the source topic
	 * @return the dead-letter topic name
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
