package com.chatsuite.support.security;

import java.net.URI;
import java.time.Duration;

import com.chatsuite.support.web.ApiException;
import com.chatsuite.testsupport.MutableClock;
import com.chatsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class CallersTests {

	private final MutableClock clock = MutableClock.startingNow();

	private final SecurityProperties properties = new SecurityProperties(URI.create("http://127.0.0.1:1/jwks"),
			"chat-suite", Duration.ofSeconds(30), Duration.ofSeconds(5), 100, Duration.ofMinutes(1));

	@Test
	void unreachableSigningKeysAre503NotARefusalOfTheToken() {
		Callers callers = new Callers(new TokenVerifier((keyId) -> Mono.error(new IllegalStateException("refused")),
				new RevocationList(this.clock), this.properties, this.clock));
		StepVerifier
			.create(callers.require(withBearer(TestTokens.shared().addon("org-1", "livechat")), TokenKind.ADDON))
			.expectErrorSatisfies((ex) -> {
				ApiException api = (ApiException) ex;
				assertThat(api.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(api.retryAfterSeconds()).isEqualTo(5L);
				assertThat(api.getMessage()).contains("cannot be checked right now");
			})
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void missingTokenIs401NamingTheHeader() {
		Callers callers = new Callers(new TokenVerifier((keyId) -> Mono.empty(), new RevocationList(this.clock),
				this.properties, this.clock));
		StepVerifier
			.create(callers.require(MockServerWebExchange.from(MockServerHttpRequest.get("/admin/domain/x")),
					TokenKind.ADDON))
			.expectErrorSatisfies((ex) -> {
				ApiException api = (ApiException) ex;
				assertThat(api.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(api.field()).isEqualTo(Callers.ACCESS_TOKEN_HEADER);
			})
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void anAuthorizationHeaderThatIsNotBearerIsRefusedAsAtTheGateway() {
		Callers callers = new Callers(new TokenVerifier((keyId) -> Mono.empty(), new RevocationList(this.clock),
				this.properties, this.clock));
		// An Authorization header that is not a Bearer token is refused, never skipped.
		StepVerifier
			.create(callers.require(MockServerWebExchange.from(MockServerHttpRequest.get("/admin/domain/x")
				.header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")), TokenKind.ADDON))
			.expectErrorSatisfies((ex) -> {
				ApiException api = (ApiException) ex;
				assertThat(api.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(api.getMessage()).contains("not a Bearer token");
			})
			.verify(Duration.ofSeconds(5));
	}

	private static MockServerWebExchange withBearer(String token) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("/admin/domain/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}

}
