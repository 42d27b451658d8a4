package com.chatsuite.auth.organisation;

import java.util.UUID;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Slow salted password hashing (BCrypt), always off the event loop.
 */
@Component
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
