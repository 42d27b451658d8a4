package com.chatsuite.support.security;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Slow salted password hashing (BCrypt), always off the event loop: auth-service checks
 * logins with it, partner-service hashes the password of a client it provisions an
 * organisation for, so the password itself never travels in an event.
 */
public class Passwords {

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

	/**
	 * Compared when an account does not exist, so that answer takes as long as a real
	 * one.
	 */
	private final String dummyHash = this.encoder.encode(UUID.randomUUID().toString());

	/** BCrypt reads at most this many bytes of a password. */
	public static final int MAX_BYTES = 72;

	/**
	 * Hashes a password.
	 * @param password the password
	 * @return its hash; 400 naming {@code password} when it is longer than BCrypt reads
	 */
	public Mono<String> hash(String password) {
		if (tooLong(password)) {
			return Mono.error(ApiException.badRequest("password",
					"password must be at most " + MAX_BYTES + " bytes long in UTF-8"));
		}
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	private static boolean tooLong(String password) {
		return password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

	/**
	 * Compares a password with a hash; with no hash, spends the same time and answers
	 * false.
	 * @param password the password given
	 * @param hash the stored hash, or {@code null} for an unknown account
	 * @return whether it matches
	 */
	public Mono<Boolean> matches(String password, String hash) {
		// No stored password is longer than BCrypt reads: a longer one matches none, and
		// costs the same time as any other.
		boolean comparable = !tooLong(password);
		return Mono
			.fromCallable(() -> this.encoder.matches(comparable ? password : "", (hash != null) ? hash : this.dummyHash)
					&& hash != null && comparable)
			.subscribeOn(Schedulers.boundedElastic());
	}

}
