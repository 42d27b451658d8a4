package com.chatsuite.support.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The public keys of auth-service, fetched from its JWK set and kept in memory. A token
 * signed with a key id not seen yet triggers one refresh (at most one per
 * {@code minRefreshInterval}, shared by all requests waiting for it).
 */
public class JwksCache implements VerificationKeys {

	private final WebClient web;

	private final Clock clock;

	private final Duration minRefreshInterval;

	private final Map<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();

	private volatile Mono<Void> refresh;

	private volatile Instant lastRefresh = Instant.EPOCH;

	private volatile Throwable lastFailure;

	public JwksCache(WebClient web, Clock clock, Duration minRefreshInterval) {
		this.web = web;
		this.clock = clock;
		this.minRefreshInterval = minRefreshInterval;
	}

	/**
	 * The verifier for a key id, refreshing the key set once when the id is unknown.
	 * @param keyId the {@code kid} of a token
	 * @return the verifier, empty when the key is not published
	 */
	@Override
	public Mono<JWSVerifier> verifierFor(String keyId) {
		JWSVerifier known = this.verifiers.get(keyId);
		if (known != null) {
			return Mono.just(known);
		}
		return refresh().then(Mono.fromSupplier(() -> this.verifiers.get(keyId)));
	}

	/** Fetches the key set now, unless it was fetched within the minimum interval. */
	Mono<Void> refresh() {
		Mono<Void> current = this.refresh;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.refresh != null) {
				return this.refresh;
			}
			if (this.clock.instant().isBefore(this.lastRefresh.plus(this.minRefreshInterval))) {
				// Within the interval the answer is the last one: keys that could not be
				// fetched stay unverifiable rather than turning into "unknown key".
				Throwable failure = this.lastFailure;
				return (failure != null) ? Mono.error(failure) : Mono.empty();
			}
			Mono<Void> fetch = this.web.get()
				.retrieve()
				.bodyToMono(String.class)
				.timeout(Duration.ofSeconds(3))
				.doOnNext(this::install)
				.doOnSuccess((json) -> this.lastFailure = null)
				.doOnError((ex) -> this.lastFailure = ex)
				.then()
				.doFinally((signal) -> {
					this.lastRefresh = this.clock.instant();
					this.refresh = null;
				})
				.cache();
			this.refresh = fetch;
			return fetch;
		}
	}

	private void install(String json) {
		try {
			Set<String> published = new HashSet<>();
			for (JWK key : JWKSet.parse(json).getKeys()) {
				if (key instanceof RSAKey rsa && key.getKeyID() != null) {
					published.add(key.getKeyID());
					this.verifiers.computeIfAbsent(key.getKeyID(), (kid) -> verifier(rsa));
				}
			}
			// A key auth-service no longer publishes must not verify anything any more.
			this.verifiers.keySet().retainAll(published);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The JWK set is not valid: " + ex.getMessage(), ex);
		}
	}

	private static JWSVerifier verifier(RSAKey key) {
		try {
			return new RSASSAVerifier(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Unusable key " + key.getKeyID(), ex);
		}
	}

}
