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

	/**
	 * Every token of the event's addon issued up to {@code revokedAt} for one operator
	 * (its agent tokens, by operator id: the {@code sub} claim) or for one organisation
	 * (all its tokens of that addon, by organisation id: the {@code org} claim), as when
	 * an operator is deactivated or an addon removed.
	 */
	SUBJECT

}
