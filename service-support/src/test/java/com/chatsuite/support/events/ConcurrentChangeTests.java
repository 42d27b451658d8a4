package com.chatsuite.support.events;

import java.util.concurrent.atomic.AtomicInteger;

import com.chatsuite.support.web.ApiException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentChangeTests {

	@Test
	void aStepThatLostAnOptimisticLockIsDecidedAgain() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> step = Mono.defer(() -> (attempts.incrementAndGet() < 3)
				? Mono.error(new OptimisticLockingFailureException("Version 1 not found")) : Mono.just("written"));
		StepVerifier.create(ConcurrentChange.retrying(step, "id")).expectNext("written").verifyComplete();
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aStepThatKeepsLosingIs409NamingTheField() {
		StepVerifier.create(ConcurrentChange.retrying(Mono.error(new ConcurrentChange()), "domain_name"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ApiException.class);
				assertThat(((ApiException) ex).status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(((ApiException) ex).field()).isEqualTo("domain_name");
			})
			.verify();
	}

}
