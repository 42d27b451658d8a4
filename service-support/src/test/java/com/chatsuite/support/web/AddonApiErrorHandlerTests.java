package com.chatsuite.support.web;

import java.time.Duration;
import java.util.List;

import com.chatsuite.support.events.ConcurrentChange;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class AddonApiErrorHandlerTests {

	private final AddonApiErrorHandler handler = new AddonApiErrorHandler();

	@Test
	void unreachableStoreIs503WithRetryAfterInTheFamilyShape() {
		MockServerWebExchange exchange = handle(new DataAccessResourceFailureException("Timed out"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).isEqualTo(
				"{\"status\":0,\"message\":\"the data store is unavailable right now, try again later\",\"errors\":[]}");
	}

	@Test
	void driverFailureDeepInTheCauseChainIs503() {
		RuntimeException wrapped = new IllegalStateException("lookup failed",
				new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress("db", 27017)));
		assertThat(handle(wrapped).getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void unavailableApiExceptionCarriesItsRetryAfter() {
		MockServerWebExchange exchange = handle(ApiException.unavailable("keys unavailable", 7));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
	}

	@Test
	void aWriteThatLostToAConcurrentOneIs409NotAnOutage() {
		for (RuntimeException lost : List.of(new OptimisticLockingFailureException("Version 3 not found"),
				new ConcurrentChange())) {
			MockServerWebExchange exchange = handle(lost);
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
			assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
				.contains("changed by another request")
				.doesNotContain("unavailable");
		}
	}

	@Test
	void anythingElseIs500WithoutDetails() {
		MockServerWebExchange exchange = handle(new IllegalStateException("secret internals"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5))).doesNotContain("secret")
			.contains("internal error");
	}

	@Test
	void aContentTypeThatDoesNotParseIs415InTheFamilyShape() {
		MockServerWebExchange exchange = handle(new InvalidMediaTypeException("json", "does not contain '/'"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
			.startsWith("{\"status\":0,\"message\":\"Content-Type is not a valid media type");
	}

	@Test
	void pathsOutsideTheApiFamiliesAnswerStatusAndMessage() {
		MockServerWebExchange exchange = handle("/.well-known/jwks.json",
				new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED));
		assertThat(exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
			.isEqualTo("{\"status\":405,\"message\":\"method not allowed on this endpoint\"}");
	}

	private MockServerWebExchange handle(Throwable ex) {
		return handle("/admin/domain/create", ex);
	}

	private MockServerWebExchange handle(String path, Throwable ex) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(path));
		this.handler.handle(exchange, ex).block(Duration.ofSeconds(5));
		return exchange;
	}

}
