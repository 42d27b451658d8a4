package com.chatsuite.support.events;

import java.time.Duration;

import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * A document changed between reading it and writing it back (its version moved on). The
 * whole read-decide-write step is retried a few times; every write is a single-document
 * update conditional on the version read, so no change is ever lost or applied twice.
 */
public final class ConcurrentChange extends ConcurrencyFailureException {

	private static final int ATTEMPTS = 5;

	public ConcurrentChange() {
		super("changed concurrently");
	}

	/**
	 * A write whose outcome is unknown, to be retried like a lost race.
	 * @param cause what the store said
	 */
	public ConcurrentChange(Throwable cause) {
		super("changed concurrently, or not known to be written", cause);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// Expected and retried: the stack says nothing.
		return this;
	}

	/**
	 * Retries a read-decide-write step that failed with {@link ConcurrentChange} or
	 * another lost race (an optimistic lock); when it keeps failing, answers 409.
	 * @param step the step, subscribed again on each attempt
	 * @param field the request field to name in the 409
	 * @param <T> the result type
	 * @return the step's result
	 */
	public static <T> Mono<T> retrying(Mono<T> step, String field) {
		return step.retryWhen(Retry.backoff(ATTEMPTS, Duration.ofMillis(5))
			.filter(ConcurrencyFailureException.class::isInstance)
			.onRetryExhaustedThrow((spec, signal) -> {
				ApiException conflict = ApiException.conflict(field,
						"the " + field + " was changed by another request at the same time; try again");
				// The last lost race, or a write of unknown outcome, stays the cause:
				// a consumer retries it as an outage instead of giving the event up.
				conflict.initCause(signal.failure());
				return conflict;
			}));
	}

}
