package com.chatsuite.support.security;

/**
 * A presented token is not accepted; the reason is safe to show to the caller.
 */
public class TokenRejectedException extends RuntimeException {

	private final Reason reason;

	public TokenRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a token was refused. */
	public enum Reason {

		/** No token was presented. */
		MISSING,
		/**
		 * Not a well-formed signed JWT, or signed with an unknown key or a bad signature.
		 */
		MALFORMED,
		/** Past its expiry time. */
		EXPIRED,
		/**
		 * Revoked: key revoked, refresh chain revoked, operator or organisation disabled.
		 */
		REVOKED,
		/** A valid token of a kind this API does not accept. */
		WRONG_KIND,
		/** The keys to check it could not be fetched. */
		UNVERIFIABLE

	}

}
