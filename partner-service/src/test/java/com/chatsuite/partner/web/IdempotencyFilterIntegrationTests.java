package com.chatsuite.partner.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.chatsuite.partner.PartnerApi;
import com.chatsuite.partner.PartnerIntegrationTest;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Idempotency-Key} filter on its own, in front of an endpoint that counts its
 * runs: the endpoint runs once for a keyed request and not at all for its replay. (The
 * filter once ran the chain a second time after the first run completed, since every
 * response completes empty; the second run found the body read and failed after the
 * answer was sent.)
 */
@SuiteIntegrationTest
class IdempotencyFilterIntegrationTests extends PartnerIntegrationTest {

	private static final String ANSWER = "{\"success\":true}";

	@Autowired
	private IdempotencyFilter filter;

	@Test
	void aKeyedRequestRunsItsEndpointOnceAndItsReplayNotAtAll() {
		PartnerApi partner = newPartner();
		String key = UUID.randomUUID().toString();
		AtomicInteger runs = new AtomicInteger();
		WebFilterChain endpoint = (exchange) -> {
			runs.incrementAndGet();
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.OK);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return response
				.writeWith(Mono.just(response.bufferFactory().wrap(ANSWER.getBytes(StandardCharsets.UTF_8))));
		};

		MockServerWebExchange first = keyed(partner, key);
		StepVerifier.create(this.filter.filter(first, endpoint)).verifyComplete();
		assertThat(runs).hasValue(1);
		assertThat(first.getResponse().getBodyAsString().block()).isEqualTo(ANSWER);

		MockServerWebExchange replay = keyed(partner, key);
		StepVerifier.create(this.filter.filter(replay, endpoint)).verifyComplete();
		assertThat(runs).hasValue(1);
		assertThat(replay.getResponse().getHeaders().getFirst(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(replay.getResponse().getBodyAsString().block()).isEqualTo(ANSWER);
	}

	@Test
	void aDuplicateKeyTheEndpointRunsIntoIsTheEndpointsError() {
		PartnerApi partner = newPartner();
		DuplicateKeyException endpointError = new DuplicateKeyException("sub_domain taken");
		WebFilterChain endpoint = (exchange) -> Mono.error(endpointError);
		StepVerifier.create(this.filter.filter(keyed(partner, UUID.randomUUID().toString()), endpoint))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(endpointError))
			.verify();
	}

	@Test
	void aRequestWithoutAValidKeyRunsItsEndpointOnce() {
		AtomicInteger runs = new AtomicInteger();
		WebFilterChain endpoint = (exchange) -> {
			runs.incrementAndGet();
			return exchange.getResponse().setComplete();
		};
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/partner/workspace/x/enable-auto-renew")
				.header("Authorization", "Bearer not-a-key")
				.header(IdempotencyFilter.HEADER, UUID.randomUUID().toString())
				.body("{}"));
		StepVerifier.create(this.filter.filter(exchange, endpoint)).verifyComplete();
		assertThat(runs).hasValue(1);
	}

	private static MockServerWebExchange keyed(PartnerApi partner, String key) {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/partner/workspace/x/enable-auto-renew")
			.header("Authorization", "Bearer " + partner.key())
			.header(IdempotencyFilter.HEADER, key)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}"));
	}

}
