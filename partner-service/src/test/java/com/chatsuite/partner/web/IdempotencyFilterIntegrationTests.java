package com.chatsuite.partner.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.chatsuite.partner.PartnerApi;
import com.chatsuite.partner.PartnerIntegrationTest;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	@Autowired
	private ReactiveMongoTemplate mongo;

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
	void aRequestGivenUpOnFreesItsKeyAndItsRetryRunsAsTheSameOperation() {
		PartnerApi partner = newPartner();
		String key = UUID.randomUUID().toString();
		List<String> operations = new CopyOnWriteArrayList<>();
		WebFilterChain hanging = (exchange) -> {
			operations.add(IdempotentOperation.of(exchange).orElseThrow());
			return Mono.never();
		};
		Disposable first = this.filter.filter(keyed(partner, key), hanging).subscribe();
		await().atMost(Duration.ofSeconds(10)).until(() -> operations.size() == 1);
		// The caller goes away (or the gateway's time limit ends the request).
		first.dispose();
		await().atMost(Duration.ofSeconds(10)).until(() -> !record(partner, key).isHeld(this.clock.instant()));

		AtomicInteger runs = new AtomicInteger();
		MockServerWebExchange retry = keyed(partner, key);
		StepVerifier.create(this.filter.filter(retry, answering(runs, operations))).verifyComplete();
		assertThat(runs).hasValue(1);
		assertThat(retry.getResponse().getBodyAsString().block()).isEqualTo(ANSWER);
		assertThat(operations).hasSize(2).containsOnly(operations.get(0));
	}

	@Test
	void aKeyHeldByAnAttemptThatStoppedIsTakenWhenItsLeaseEnds() {
		PartnerApi partner = newPartner();
		String key = UUID.randomUUID().toString();
		// The first attempt's replica stopped while it ran: its record stays unanswered.
		MockServerWebExchange first = keyed(partner, key);
		List<String> operations = new CopyOnWriteArrayList<>();
		Disposable stopped = this.filter.filter(first, (exchange) -> {
			operations.add(IdempotentOperation.of(exchange).orElseThrow());
			return Mono.never();
		}).subscribe();
		await().atMost(Duration.ofSeconds(10)).until(() -> operations.size() == 1);
		AtomicInteger runs = new AtomicInteger();
		StepVerifier.create(this.filter.filter(keyed(partner, key), answering(runs, operations)))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("still being processed"))
			.verify();
		assertThat(runs).hasValue(0);

		this.clock.advance(IdempotencyFilter.LEASE.plusSeconds(1));
		try {
			MockServerWebExchange retry = keyed(partner, key);
			StepVerifier.create(this.filter.filter(retry, answering(runs, operations))).verifyComplete();
			assertThat(runs).hasValue(1);
			assertThat(operations).hasSize(2).containsOnly(operations.get(0));
		}
		finally {
			stopped.dispose();
		}
	}

	@Test
	void aKeyLeftRunningByTheVersionBeforeLeasesStaysHeld() {
		PartnerApi partner = newPartner();
		String key = UUID.randomUUID().toString();
		// Stored by a version whose records had no lease and no operation: its attempt
		// may have made its change, which a retry could not recognise.
		Document before = new Document("_id", partner.partnerId() + ":" + key)
			.append("fingerprint",
					IdempotencyFilter.fingerprint(keyed(partner, key), "{}".getBytes(StandardCharsets.UTF_8)))
			.append("status", 0)
			.append("createdAt", Date.from(this.clock.instant().minusSeconds(3600)));
		this.mongo.insert(before, "idempotent_requests").block(Duration.ofSeconds(10));
		AtomicInteger runs = new AtomicInteger();
		StepVerifier.create(this.filter.filter(keyed(partner, key), answering(runs, new CopyOnWriteArrayList<>())))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("still being processed"))
			.verify();
		assertThat(runs).hasValue(0);
	}

	@Test
	void aKeyWhoseRequestFailedTakesAnotherRequestAsANewOperation() {
		PartnerApi partner = newPartner();
		String key = UUID.randomUUID().toString();
		List<String> operations = new CopyOnWriteArrayList<>();
		StepVerifier.create(this.filter.filter(keyed(partner, key), (exchange) -> {
			operations.add(IdempotentOperation.of(exchange).orElseThrow());
			return Mono.error(new IllegalStateException("failed"));
		})).expectError(IllegalStateException.class).verify();

		AtomicInteger runs = new AtomicInteger();
		MockServerWebExchange other = keyed(partner, key, "{\"other\":true}");
		StepVerifier.create(this.filter.filter(other, answering(runs, operations))).verifyComplete();
		assertThat(runs).hasValue(1);
		assertThat(operations).hasSize(2).doesNotHaveDuplicates();
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

	private IdempotentRequest record(PartnerApi partner, String key) {
		return this.mongo.findById(partner.partnerId() + ":" + key, IdempotentRequest.class)
			.block(Duration.ofSeconds(10));
	}

	/** An endpoint that answers 200, counting its runs and noting its operation. */
	private static WebFilterChain answering(AtomicInteger runs, List<String> operations) {
		return (exchange) -> {
			runs.incrementAndGet();
			operations.add(IdempotentOperation.of(exchange).orElseThrow());
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.OK);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return response
				.writeWith(Mono.just(response.bufferFactory().wrap(ANSWER.getBytes(StandardCharsets.UTF_8))));
		};
	}

	private static MockServerWebExchange keyed(PartnerApi partner, String key) {
		return keyed(partner, key, "{}");
	}

	private static MockServerWebExchange keyed(PartnerApi partner, String key, String body) {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/partner/workspace/x/enable-auto-renew")
			.header("Authorization", "Bearer " + partner.key())
			.header(IdempotencyFilter.HEADER, key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body));
	}

}
