package com.chatsuite.gateway.security;

import com.chatsuite.support.security.TokenRejectedException.Reason;

/**
 * The {@code WWW-Authenticate} value of a 401 (RFC 6750 section 3): the realm, and for a
 * token that was presented but refused, {@code error="invalid_token"} with the reason.
 */
final class BearerChallenge {

	private BearerChallenge() {
	}

	/**
	 * Builds the challenge.
	 * @param realm the realm
	 * @param reason why the token was refused
	 * @param description the human-readable reason
	 * @return the header value
	 */
	static String of(String realm, Reason reason, String description) {
		StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(quotable(realm)).append('"');
		// RFC 6750: a request without any token gets no error code, only the challenge.
		if (reason != Reason.MISSING) {
			challenge.append(", error=\"invalid_token\", error_description=\"")
				.append(quotable(description))
				.append('"');
		}
		return challenge.toString();
	}

	/** RFC 6750 allows printable ASCII but {@code "} and {@code \} in these values. */
	private static String quotable(String value) {
		StringBuilder safe = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			safe.append((c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') ? c : '\'');
		}
		return safe.toString();
	}

}
