package com.chatsuite.support.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PresentedTokenTests {

	@Test
	void theAccessTokenHeaderComesFirstWhereItIsAccepted() {
		HttpHeaders headers = headers("access_token", " from-header ", "Authorization", "Bearer from-bearer");
		assertThat(PresentedToken.from(headers, true)).isEqualTo("from-header");
		assertThat(PresentedToken.from(headers, false)).isEqualTo("from-bearer");
	}

	@Test
	void bearerIsReadWhateverItsCaseAndABlankAccessTokenHeaderIsNoToken() {
		assertThat(PresentedToken.from(headers("access_token", " ", "Authorization", "bearer abc"), true))
			.isEqualTo("abc");
		assertThat(PresentedToken.from(new HttpHeaders(), true)).isNull();
	}

	@Test
	void anotherAuthorizationSchemeIsRefusedNeverSkipped() {
		assertThatThrownBy(() -> PresentedToken.from(headers("Authorization", "Basic dXNlcjpwYXNz"), true))
			.isInstanceOf(TokenRejectedException.class)
			.hasMessageContaining("not a Bearer token");
	}

	private static HttpHeaders headers(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
