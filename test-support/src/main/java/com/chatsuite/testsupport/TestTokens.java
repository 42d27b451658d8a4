package com.chatsuite.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Stands in for auth-service in a service's tests: a real HTTP server publishing a JWK
 * set on a random port, and tokens of every kind signed with its key. Point the service
 * at it with {@code suite.security.jwks-uri = tokens.jwksUri()}.
 */
public final class TestTokens implements AutoCloseable {

	private static TestTokens shared;

	private final RSAKey key;

	private final DisposableServer server;

	private TestTokens() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		String jwks = new JWKSet(this.key.toPublicJWK()).toString();
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/.well-known/jwks.json",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(Mono.just(jwks))))
			.bindNow();
	}

	/** One instance per test JVM, started on first use. */
	public static synchronized TestTokens shared() {
		if (shared == null) {
			shared = new TestTokens();
		}
		return shared;
	}

	/** Where the JWK set is served. */
	public String jwksUri() {
		return "http://127.0.0.1:" + this.server.port() + "/.well-known/jwks.json";
	}

	/**
	 * An addon access token of an organisation.
	 * @param orgId the organisation
	 * @param addon the addon
	 * @return the signed token
	 */
	public String addon(String orgId, String addon) {
		return sign(base("addon", orgId, orgId, addon).claim("sid", UUID.randomUUID().toString())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))));
	}

	/**
	 * An agent token of an operator.
	 * @param operatorId the operator
	 * @param orgId its organisation
	 * @param addon the addon
	 * @return the signed token
	 */
	public String agent(String operatorId, String orgId, String addon) {
		return sign(base("agent", operatorId, orgId, addon)
			.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))));
	}

	/**
	 * A partner API key.
	 * @param keyId the key id
	 * @param orgId the partner organisation
	 * @param permissions its permissions
	 * @return the signed key
	 */
	public String apiKey(String keyId, String orgId, List<String> permissions) {
		return sign(base("api_key", keyId, orgId, "partner").jwtID(keyId).claim("perms", permissions));
	}

	/**
	 * A token with any claims, for refusal tests (expired, wrong kind...).
	 * @param claims the claims
	 * @return the signed token
	 */
	public String sign(JWTClaimsSet.Builder claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * The claims every token carries.
	 * @param kind the {@code kind} claim
	 * @param subject the subject
	 * @param orgId the organisation
	 * @param addon the addon
	 * @return a builder to add to
	 */
	public JWTClaimsSet.Builder base(String kind, String subject, String orgId, String addon) {
		return new JWTClaimsSet.Builder().issuer("chat-suite")
			.subject(subject)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(new Date())
			.claim("kind", kind)
			.claim("org", orgId)
			.claim("org_domain", "domain-of-" + orgId)
			.claim("addon", addon);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
