package com.chatsuite.gateway.errors;

import java.time.Duration;

import com.chatsuite.gateway.support.StubServer;
import com.chatsuite.gateway.support.StubUpstreams;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a service that is down and services that are slow, with a short
 * timeout and a breaker that opens after three failed calls.
 */
@SuiteIntegrationTest(properties = { "resilience4j.timelimiter.configs.default.timeout-duration=500ms",
		"resilience4j.circuitbreaker.configs.default.sliding-window-size=3",
		"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=3",
		"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1m",
		"suite.security.jwks-min-refresh-interval=0s" })
class UpstreamFailureIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	@Autowired
	private WebTestClient web;

	@DynamicPropertySource
	static void upstreamsWithPartnerServiceDown(DynamicPropertyRegistry registry) {
		StubUpstreams.register(registry);
		registry.add("suite.gateway.metrics.port", () -> "0");
		registry.add("suite.gateway.services.partner-service", () -> "http://127.0.0.1:" + closedPort());
	}

	@Test
	void serviceThatIsDownAnswers503InItsFamilyShape() {
		this.web.get()
			.uri("/partner/workspaces")
			.headers((headers) -> headers.setBearerAuth(Tokens.apiKey().compact()))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("error")
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).startsWith("partner-service is unavailable"))
			.jsonPath("$.errors")
			.isEmpty();
	}

	@Test
	void slowServiceAnswers503WithinTheTimeout() {
		long started = System.nanoTime();
		this.web.get()
			.uri("/v1/tickets/slow")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.json("{\"errors\":[{\"status\":\"503\",\"title\":\"service unavailable\"}]}", JsonCompareMode.STRICT);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		assertThat(elapsed).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusMillis(700));
		assertThat(elapsed).isLessThan(StubServer.SLOW);
	}

	@Test
	void openCircuitBreakerStopsSendingToTheService() {
		for (int i = 0; i < 3; i++) {
			slowChatCall().expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.json("{\"success\":false,\"message\":\"chat-room-service did not answer in time\"}",
						JsonCompareMode.STRICT);
		}
		int reached = StubUpstreams.CHAT_ROOM.requests();
		long started = System.nanoTime();
		slowChatCall().expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("chat-room-service is unavailable (circuit breaker open), try again later");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
		assertThat(StubUpstreams.CHAT_ROOM.requests()).isEqualTo(reached);
	}

	@Test
	void tokensAnswer503WhileSigningKeysCannotBeFetched() {
		StubUpstreams.jwksAvailable(false);
		try {
			this.web.get()
				.uri("/admin/operator/list")
				.header("access_token", Tokens.addon().signedWith(Tokens.UNPUBLISHED_KEY).compact())
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(0)
				.jsonPath("$.message")
				.value((message) -> assertThat((String) message).startsWith("access tokens cannot be checked"));
		}
		finally {
			StubUpstreams.jwksAvailable(true);
		}
	}

	@Test
	void pathOfAFamilyThatNoServiceServesAnswers404InFamilyShape() {
		this.web.get()
			.uri("/admin/nothing-here")
			.header("access_token", Tokens.addon().compact())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.json("{\"status\":0,\"message\":\"no API at /admin/nothing-here\",\"errors\":[]}", JsonCompareMode.STRICT);
	}

	private WebTestClient.ResponseSpec slowChatCall() {
		return this.web.get()
			.uri("/api/v2/room-service/slow")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange();
	}

	private static int closedPort() {
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).bindNow();
		int port = server.port();
		server.disposeNow();
		return port;
	}

}
