package com.chatsuite.auth.keys;

import java.time.Instant;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SigningKeyRepository extends ReactiveCrudRepository<SigningKey, String> {

	Flux<SigningKey> findByPublishedUntilAfter(Instant now);

}
