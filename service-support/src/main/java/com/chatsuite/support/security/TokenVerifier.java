package com.chatsuite.support.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;

import com.chatsuite.support.security.TokenRejectedException.Reason;

/**
 * Checks an access token locally: RS256 signature against auth-service's published keys,
 * issuer, expiry, kind, and the revocation list. No call to auth-service per request.
 * <p>
 * Parsing and the signature check give the same answer every time for the same token, so
 * their outcome is remembered for a short while (bounded, see
 * {@link SecurityProperties#verifiedTokenCacheTtl()}); expiry, kind and revocation are
 * checked on every call.
 */
public class TokenVerifier {

	/**
	 * How long a token waits, in a process that has just started, for the revocation list
	 * to be read; then it is answered as not verifiable (503).
	 */
	static final Duration CATCH_UP_WAIT = Duration.ofSeconds(10);

	private final VerificationKeys keys;

	private final Cache<String, TokenClaims> authentic;

	private final RevocationList revocations;

	private final SecurityProperties properties;

	private final Clock clock;

	public TokenVerifier(VerificationKeys keys, RevocationList revocations, SecurityProperties properties,
			Clock clock) {
		this.keys = keys;
		this.revocations = revocations;
		this.properties = properties;
		this.clock = clock;
		this.authentic = Caffeine.newBuilder()
			.maximumSize(properties.verifiedTokenCacheSize())
			.expireAfterWrite(properties.verifiedTokenCacheTtl())
			// Upkeep on the calling thread: no hand-off to a pool on the request path.
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Verifies a token and checks it is of one of the accepted kinds.
	 * @param token the compact JWT, may be {@code null}
	 * @param accepted the kinds the caller's API accepts
	 * @return the claims, or an error {@link TokenRejectedException}
	 */
	public Mono<TokenClaims> verify(String token, Set<TokenKind> accepted) {
		return verify(token, accepted, false);
	}

	/**
	 * Verifies a token like {@link #verify(String, Set)} but accepts one past its expiry,
	 * for exchanging an expired access token together with its refresh token.
	 * @param token the compact JWT
	 * @param accepted the kinds accepted
	 * @return the claims, or an error {@link TokenRejectedException}
	 */
	public Mono<TokenClaims> verifyAllowingExpiry(String token, Set<TokenKind> accepted) {
		return verify(token, accepted, true);
	}

	private Mono<TokenClaims> verify(String token, Set<TokenKind> accepted, boolean allowExpired) {
		if (token == null || token.isBlank()) {
			return Mono.error(new TokenRejectedException(Reason.MISSING, "access token is missing"));
		}
		if (this.revocations.isCaughtUp()) {
			return verifyNow(token, accepted, allowExpired);
		}
		// A process that has just started has not read every revocation yet: a token
		// revoked before it started would pass. Wait for the list, then check.
		return this.revocations.whenCaughtUp()
			.timeout(CATCH_UP_WAIT)
			.onErrorMap(TimeoutException.class,
					(ex) -> new TokenRejectedException(Reason.UNVERIFIABLE, "revocations are still being read"))
			.then(Mono.defer(() -> verifyNow(token, accepted, allowExpired)));
	}

	private Mono<TokenClaims> verifyNow(String token, Set<TokenKind> accepted, boolean allowExpired) {
		String compact = token.trim();
		TokenClaims known = this.authentic.getIfPresent(compact);
		if (known != null) {
			try {
				return Mono.just(valid(known, accepted, allowExpired));
			}
			catch (TokenRejectedException ex) {
				return Mono.error(ex);
			}
		}
		SignedJWT jwt;
		try {
			jwt = SignedJWT.parse(compact);
		}
		catch (ParseException ex) {
			return Mono.error(new TokenRejectedException(Reason.MALFORMED, "access token is malformed"));
		}
		if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
			return Mono.error(
					new TokenRejectedException(Reason.MALFORMED, "access token is not an RS256 token with a key id"));
		}
		return this.keys.verifierFor(jwt.getHeader().getKeyID())
			.onErrorMap((ex) -> !(ex instanceof TokenRejectedException),
					(ex) -> new TokenRejectedException(Reason.UNVERIFIABLE, "signing keys are unavailable"))
			.switchIfEmpty(Mono.error(
					() -> new TokenRejectedException(Reason.MALFORMED, "access token is signed with an unknown key")))
			.map((verifier) -> valid(authentic(compact, jwt, verifier), accepted, allowExpired));
	}

	/** Signature, issuer and claims: the same answer for the same token every time. */
	private TokenClaims authentic(String compact, SignedJWT jwt, JWSVerifier verifier) {
		JWTClaimsSet claims;
		try {
			if (!jwt.verify(verifier)) {
				throw new TokenRejectedException(Reason.MALFORMED, "access token signature is invalid");
			}
			claims = jwt.getJWTClaimsSet();
		}
		catch (JOSEException | ParseException ex) {
			throw new TokenRejectedException(Reason.MALFORMED, "access token is malformed");
		}
		if (!this.properties.issuer().equals(claims.getIssuer())) {
			throw new TokenRejectedException(Reason.MALFORMED, "access token has a foreign issuer");
		}
		TokenClaims token = toClaims(claims);
		this.authentic.put(compact, token);
		return token;
	}

	/** Expiry, kind and revocation: checked on every call. */
	private TokenClaims valid(TokenClaims token, Set<TokenKind> accepted, boolean allowExpired) {
		if (!allowExpired && token.expiresAt() != null
				&& token.expiresAt().plus(this.properties.clockSkew()).isBefore(this.clock.instant())) {
			throw new TokenRejectedException(Reason.EXPIRED, "access token has expired");
		}
		if (!accepted.contains(token.kind())) {
			throw new TokenRejectedException(Reason.WRONG_KIND,
					"wrong kind of token: " + withArticle(token.kind().claim()) + " token is not accepted here");
		}
		this.revocations.reasonRevoked(token).ifPresent((reason) -> {
			throw new TokenRejectedException(Reason.REVOKED, "access token has been revoked (" + reason + ")");
		});
		return token;
	}

	private static String withArticle(String word) {
		return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
	}

	private static TokenClaims toClaims(JWTClaimsSet claims) {
		try {
			TokenKind kind = TokenKind.fromClaim(claims.getStringClaim(TokenClaims.KIND))
				.orElseThrow(() -> new TokenRejectedException(Reason.MALFORMED, "access token has no known kind"));
			List<String> permissions = claims.getStringListClaim(TokenClaims.PERMISSIONS);
			Date expiry = claims.getExpirationTime();
			Instant expiresAt = (expiry != null) ? expiry.toInstant() : null;
			if (expiresAt == null && kind != TokenKind.API_KEY) {
				throw new TokenRejectedException(Reason.MALFORMED, "access token has no expiry");
			}
			Date issued = claims.getIssueTime();
			return new TokenClaims(kind, claims.getSubject(), claims.getJWTID(), claims.getStringClaim(TokenClaims.ORG),
					claims.getStringClaim(TokenClaims.ORG_DOMAIN), claims.getStringClaim(TokenClaims.ADDON),
					claims.getStringClaim(TokenClaims.SESSION), permissions, claims.getStringClaim(TokenClaims.EMAIL),
					(issued != null) ? issued.toInstant() : null, expiresAt);
		}
		catch (ParseException ex) {
			throw new TokenRejectedException(Reason.MALFORMED, "access token claims are malformed");
		}
	}

}
