package com.chatsuite.contracts.events.auth;

/**
 * What the {@code value} of a {@link TokenRevoked} event names.
 */
public enum RevocationScope {

	/** One access token, by its {@code jti} claim. */
	TOKEN,

	/** A refresh chain (session), by the {@code sid} claim of the tokens it issued. */
	SESSION,

	/** A partner API key, by its id. */
	API_KEY,

	/** Every token of one agent, by its operator id ({@code sub} claim). */
	SUBJECT

}
