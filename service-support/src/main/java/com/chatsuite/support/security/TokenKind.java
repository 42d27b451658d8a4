package com.chatsuite.support.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of access token auth-service issues (SPEC section 2), named in the
 * {@code kind} claim.
 */
public enum TokenKind {

	/**
	 * An organisation's token for one addon, for {@code /admin/**} and {@code /auth/**}.
	 */
	ADDON("addon"),

	/** An operator's token for the agent ticket API and server-side chat calls. */
	AGENT("agent"),

	/** A partner's long-lived API key for {@code /partner/**}. */
	API_KEY("api_key"),

	/** The platform administrator's token for {@code /platform/**}. */
	PLATFORM("platform");

	private final String claim;

	TokenKind(String claim) {
		this.claim = claim;
	}

	/** The value of the {@code kind} claim. */
	public String claim() {
		return this.claim;
	}

	/**
	 * The kind named by a claim value.
	 * @param claim the claim value
	 * @return the kind, empty when unknown
	 */
	public static Optional<TokenKind> fromClaim(String claim) {
		return Arrays.stream(values()).filter((kind) -> kind.claim.equals(claim)).findFirst();
	}

}
