package com.chatsuite.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as auth-service issues them (RS256, {@code kid} header, suite claims),
 * signed with keys generated for the test JVM.
 */
public final class Tokens {

	/** The key id the stand-in JWKS endpoint publishes. */
	public static final String KEY_ID = "test-key-1";

	/** The key whose public half the stand-in JWKS endpoint publishes. */
	public static final RSAKey PUBLISHED_KEY = generate(KEY_ID);

	/** Another key under the published key id: its signatures do not verify. */
	public static final RSAKey IMPOSTOR_KEY = generate(KEY_ID);

	/** A key under an id the JWKS endpoint never published. */
	public static final RSAKey UNPUBLISHED_KEY = generate("never-published");

	private Tokens() {
	}

	/** The JWK set the stand-in auth-service publishes. */
	public static String jwkSet() {
		return new JWKSet(PUBLISHED_KEY.toPublicJWK()).toString();
	}

	/** An addon access token of organisation {@code org-1} for {@code livechat}. */
	public static Token addon() {
		return new Token(TokenKind.ADDON, "org-1", "org-1", "demo", "livechat", "session-1", List.of());
	}

	/** An agent token of operator {@code operator-7}. */
	public static Token agent() {
		return new Token(TokenKind.AGENT, "operator-7", "org-1", "demo", "livechat", null, List.of());
	}

	/** A partner API key. */
	public static Token apiKey() {
		return new Token(TokenKind.API_KEY, "key-3", "org-2", "partner-co", "partner", null,
				List.of("workspaces:read", "workspaces:write"));
	}

	/** A platform admin token. */
	public static Token platform() {
		return new Token(TokenKind.PLATFORM, "platform-admin", null, null, null, null, List.of());
	}

	private static RSAKey generate(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token to mint; every {@code withXxx} returns a changed copy.
	 *
	 * @param kind the {@code kind} claim
	 * @param subject the {@code sub} claim
	 * @param tokenId the {@code jti} claim
	 * @param org the {@code org} claim
	 * @param orgDomain the {@code org_domain} claim
	 * @param addon the {@code addon} claim
	 * @param session the {@code sid} claim
	 * @param permissions the {@code perms} claim
	 * @param expiresAt the {@code exp} claim, {@code null} for none
	 * @param key the signing key
	 * @param keyId the {@code kid} header
	 */
	public record Token(TokenKind kind, String subject, String tokenId, String org, String orgDomain, String addon,
			String session, List<String> permissions, Instant expiresAt, RSAKey key, String keyId) {

		Token(TokenKind kind, String subject, String org, String orgDomain, String addon, String session,
				List<String> permissions) {
			this(kind, subject, UUID.randomUUID().toString(), org, orgDomain, addon, session, permissions,
					(kind != TokenKind.API_KEY) ? Instant.now().plus(Duration.ofMinutes(15)) : null, PUBLISHED_KEY,
					KEY_ID);
		}

		public Token withOrg(String org) {
			return new Token(this.kind, this.subject, this.tokenId, org, this.orgDomain, this.addon, this.session,
					this.permissions, this.expiresAt, this.key, this.keyId);
		}

		public Token withSession(String session) {
			return new Token(this.kind, this.subject, this.tokenId, this.org, this.orgDomain, this.addon, session,
					this.permissions, this.expiresAt, this.key, this.keyId);
		}

		public Token withExpiry(Instant expiresAt) {
			return new Token(this.kind, this.subject, this.tokenId, this.org, this.orgDomain, this.addon, this.session,
					this.permissions, expiresAt, this.key, this.keyId);
		}

		public Token signedWith(RSAKey key) {
			return new Token(this.kind, this.subject, this.tokenId, this.org, this.orgDomain, this.addon, this.session,
					this.permissions, this.expiresAt, key, key.getKeyID());
		}

		/** The compact serialised JWT. */
		public String compact() {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("chat-suite")
				.subject(this.subject)
				.jwtID(this.tokenId)
				.issueTime(new Date())
				.claim(TokenClaims.KIND, this.kind.claim())
				.claim(TokenClaims.ORG, this.org)
				.claim(TokenClaims.ORG_DOMAIN, this.orgDomain)
				.claim(TokenClaims.ADDON, this.addon)
				.claim(TokenClaims.SESSION, this.session);
			if (this.expiresAt != null) {
				claims.expirationTime(Date.from(this.expiresAt));
			}
			if (!this.permissions.isEmpty()) {
				claims.claim(TokenClaims.PERMISSIONS, this.permissions);
			}
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.keyId).build(),
					claims.build());
			try {
				jwt.sign(new RSASSASigner(this.key));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

	}

}
