package com.chatsuite.gateway.security;

import com.chatsuite.support.security.TokenRejectedException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerChallengeTests {

	@Test
	void missingTokenGetsOnlyTheChallenge() {
		assertThat(BearerChallenge.of("chat-suite", Reason.MISSING, "access token is missing"))
			.isEqualTo("Bearer realm=\"chat-suite\"");
	}

	@Test
	void refusedTokenGetsInvalidTokenWithTheReason() {
		assertThat(BearerChallenge.of("chat-suite", Reason.EXPIRED, "access token has expired")).isEqualTo(
				"Bearer realm=\"chat-suite\", error=\"invalid_token\", error_description=\"access token has expired\"");
	}

	@Test
	void quotesBackslashesAndControlCharactersCannotBreakTheHeader() {
		assertThat(BearerChallenge.of("chat-suite", Reason.MALFORMED, "bad \"x\" \\ \r\n"))
			.endsWith("error_description=\"bad 'x' ' ''\"");
	}

}
