package com.chatsuite.contracts.events.auth;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * Tokens named by {@code scope} and {@code value} must be refused from now on.
 *
 * @param scope what {@code value} names
 * @param value the token id, session id, API key id or operator id
 * @param addon the addon the revocation is limited to, or {@code null} for every addon
 * @param reason why the tokens were revoked
 * @param revokedAt when the revocation took effect
 * @param notAfter when every token it concerns has expired anyway, so the revocation can
 * be forgotten
 */
public record TokenRevoked(RevocationScope scope, String value, String addon, String reason, Instant revokedAt,
		Instant notAfter) implements EventData {

	public TokenRevoked {
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(revokedAt, "revokedAt");
		Objects.requireNonNull(notAfter, "notAfter");
	}

}
