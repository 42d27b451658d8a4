package com.chatsuite.support.security;

import java.util.UUID;

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

	public Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Compares a password with a hash; with no hash, spends the same time and answers
	 * false.
	 * @param password the password given
	 * @param hash the stored hash, or {@code null} for an unknown account
	 * @return whether it matches
	 */
	public Mono<Boolean> matches(String password, String hash) {
		return Mono
			.fromCallable(() -> this.encoder.matches(password, (hash != null) ? hash : this.dummyHash) && hash != null)
			.subscribeOn(Schedulers.boundedElastic());
	}

}
