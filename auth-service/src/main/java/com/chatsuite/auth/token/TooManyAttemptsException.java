package com.chatsuite.auth.token;

import com.chatsuite.support.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Too many failed logins for one account; answered 429 with {@code Retry-After}.
 */
public class TooManyAttemptsException extends ApiException {

	private final long retryAfterSeconds;

	public TooManyAttemptsException(long retryAfterSeconds) {
		super(HttpStatus.TOO_MANY_REQUESTS,
				"too many failed attempts for this account; try again in " + retryAfterSeconds + " s", null);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
