package com.chatsuite.auth.keys;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.support.security.VerificationKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The RSA keys that sign tokens. One key signs at a time; when its period ends the next
 * one, created by whichever replica notices first, takes over, and the old public key
 * stays published until every token it signed has expired. Keys that signed API keys
 * (which do not expire) stay published while such a key is active.
 */
@Component
public class SigningKeys implements VerificationKeys {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private final SigningKeyRepository keys;

	private final ApiKeyKids apiKeyKids;

	private final AuthProperties properties;

	private final KeyEncryption encryption;

	private final Clock clock;

	private final Map<String, RSAKey> cache = new ConcurrentHashMap<>();

	private volatile SigningKey current;

	SigningKeys(SigningKeyRepository keys, ApiKeyKids apiKeyKids, AuthProperties properties, KeyEncryption encryption,
			Clock clock) {
		this.keys = keys;
		this.apiKeyKids = apiKeyKids;
		this.properties = properties;
		this.encryption = encryption;
		this.clock = clock;
	}

	/**
	 * The key that signs now, with a signer for it.
	 * @return the key id and signer
	 */
	public Mono<Signing> signing() {
		SigningKey key = this.current;
		if (key != null && key.signsUntil().isAfter(this.clock.instant())) {
			return Mono.just(signingWith(key));
		}
		return refresh().map(this::signingWith);
	}

	@Override
	public Mono<JWSVerifier> verifierFor(String keyId) {
		RSAKey known = this.cache.get(keyId);
		Mono<RSAKey> key = (known != null) ? Mono.just(known)
				: this.keys.findById(keyId).map((stored) -> remember(stored));
		return key.map(SigningKeys::verifier);
	}

	/**
	 * The public keys verifiers need now: every key still within its publication period
	 * and every key an active API key was signed with.
	 * @return the public JWK set
	 */
	public Mono<JWKSet> publicKeys() {
		Instant now = this.clock.instant();
		Flux<SigningKey> published = this.keys.findByPublishedUntilAfter(now);
		Flux<SigningKey> forApiKeys = this.apiKeyKids.activeKids().flatMap(this.keys::findById);
		return Flux.concat(published, forApiKeys)
			.distinct(SigningKey::kid)
			.map((stored) -> remember(stored).toPublicJWK())
			.collectList()
			.map((list) -> new JWKSet(List.<JWK>copyOf(list)));
	}

	/** Looks for a newer key, or makes one when the current one's period is over. */
	@Scheduled(fixedDelayString = "${suite.auth.keys.check-interval:1m}")
	void rotate() {
		refresh().subscribe(null, (ex) -> logger.warn("Signing key rotation failed; will retry: " + ex));
	}

	/** Finds the key that should sign now, creating one if there is none. */
	Mono<SigningKey> refresh() {
		Instant now = this.clock.instant();
		return this.keys.findByPublishedUntilAfter(now)
			.filter((key) -> !key.signsFrom().isAfter(now) && key.signsUntil().isAfter(now))
			.sort(Comparator.comparing(SigningKey::signsFrom).reversed())
			.next()
			.switchIfEmpty(Mono.defer(() -> create(now)))
			.doOnNext((key) -> this.current = key);
	}

	private Mono<SigningKey> create(Instant now) {
		Duration longestToken = java.util.stream.Stream
			.of(this.properties.accessTokenTtl(), this.properties.platformTokenTtl(), this.properties.agentTokenTtl())
			.max(Duration::compareTo)
			.orElseThrow();
		return Mono
			.fromCallable(() -> new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
				.generate())
			.subscribeOn(Schedulers.boundedElastic())
			.map((jwk) -> {
				Instant signsUntil = now.plus(this.properties.keys().signingPeriod());
				// A little slack beyond the longest token so clock skew never strands
				// one.
				return new SigningKey(jwk.getKeyID(), this.encryption.seal(jwk.toJSONString()), now, signsUntil,
						signsUntil.plus(longestToken).plus(Duration.ofMinutes(5)));
			})
			.flatMap(this.keys::save)
			.doOnNext((key) -> logger.info("New signing key " + key.kid() + " signs until " + key.signsUntil()));
	}

	private Signing signingWith(SigningKey key) {
		try {
			return new Signing(key.kid(), new RSASSASigner(remember(key)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing key " + key.kid() + " is unusable", ex);
		}
	}

	private RSAKey remember(SigningKey stored) {
		return this.cache.computeIfAbsent(stored.kid(), (kid) -> {
			try {
				// A key stored before encryption is sealed at the next start
				// (StoredKeysCheck).
				return RSAKey
					.parse(KeyEncryption.isClear(stored.jwk()) ? stored.jwk() : this.encryption.open(stored.jwk()));
			}
			catch (ParseException ex) {
				throw new IllegalStateException("Stored signing key " + kid + " is unreadable", ex);
			}
		});
	}

	private static JWSVerifier verifier(RSAKey key) {
		try {
			return new RSASSAVerifier(key.toRSAPublicKey());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing key " + key.getKeyID() + " is unusable", ex);
		}
	}

	/**
	 * A key ready to sign.
	 *
	 * @param kid its key id
	 * @param signer the signer
	 */
	public record Signing(String kid, JWSSigner signer) {
	}

}
