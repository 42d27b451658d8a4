package com.chatsuite.auth.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, stored only as its hash. Single use: using it marks it and issues the
 * next.
 *
 * @param hash SHA-256 of the token, the id
 * @param sessionId the chain it belongs to
 * @param accessTokenId the {@code jti} of the access token issued with it
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being usable
 * @param usedAt when it was exchanged, {@code null} while unused
 */
@Document("refresh_tokens")
record RefreshToken(@Id String hash, String sessionId, String accessTokenId, Instant issuedAt, Instant expiresAt,
		Instant usedAt) {

}
