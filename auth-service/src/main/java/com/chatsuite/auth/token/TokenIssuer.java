package com.chatsuite.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.auth.keys.SigningKeys;
import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Signs access tokens (RS256, with the key id in the header) with the current signing
 * key.
 */
@Component
public class TokenIssuer {

	private final SigningKeys keys;

	private final AuthProperties properties;

	private final Clock clock;

	TokenIssuer(SigningKeys keys, AuthProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Signs a token.
	 * @param claims what it says; {@code expiresAt} is ignored
	 * @param ttl how long it is valid, {@code null} for no expiry (API keys)
	 * @return the signed token
	 */
	public Mono<IssuedToken> issue(TokenClaims claims, Duration ttl) {
		Instant now = this.clock.instant();
		Instant expiresAt = (ttl != null) ? now.plus(ttl) : null;
		return this.keys.signing().publishOn(Schedulers.boundedElastic()).map((signing) -> {
			JWTClaimsSet.Builder body = new JWTClaimsSet.Builder().issuer(this.properties.issuer())
				.subject(claims.subject())
				.jwtID(claims.tokenId())
				.issueTime(Date.from(now))
				.claim(TokenClaims.KIND, claims.kind().claim());
			if (expiresAt != null) {
				body.expirationTime(Date.from(expiresAt));
			}
			optional(body, TokenClaims.ORG, claims.orgId());
			optional(body, TokenClaims.ORG_DOMAIN, claims.orgDomain());
			optional(body, TokenClaims.ADDON, claims.addon());
			optional(body, TokenClaims.SESSION, claims.sessionId());
			optional(body, TokenClaims.EMAIL, claims.email());
			if (claims.kind() == TokenKind.API_KEY) {
				body.claim(TokenClaims.PERMISSIONS, List.copyOf(claims.permissions()));
			}
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.kid()).type(JOSEObjectType.JWT).build(),
					body.build());
			try {
				jwt.sign(signing.signer());
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not sign a token", ex);
			}
			return new IssuedToken(jwt.serialize(), signing.kid(), expiresAt);
		});
	}

	private static void optional(JWTClaimsSet.Builder body, String name, String value) {
		if (value != null) {
			body.claim(name, value);
		}
	}

	/**
	 * A signed token.
	 *
	 * @param value the compact JWT
	 * @param kid the key that signed it
	 * @param expiresAt its expiry, {@code null} for none
	 */
	public record IssuedToken(String value, String kid, Instant expiresAt) {
	}

}
