package com.chatsuite.ticket.web;

import java.time.Duration;

import com.chatsuite.ticket.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ErrorShapesTests {

	private final ErrorShapes shapes = new ErrorShapes();

	@Test
	void aWriteThatLostToAConcurrentOneIs409InTheTicketShape() {
		MockServerWebExchange exchange = handle("/v1/online", new OptimisticLockingFailureException("Version 3"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(body(exchange)).isEqualTo("{\"errors\":[{\"status\":\"409\",\"title\":\"conflict\"}]}");
	}

	@Test
	void aTransitionTheLifecycleDoesNotAllowIs409() {
		Throwable transition = catchThrowable(() -> TicketStatus.CHAT_CLOSED.become(TicketStatus.ASSIGNED));
		MockServerWebExchange exchange = handle("/v1/rooms/r1", transition);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void aContentTypeThatDoesNotParseIs415() {
		MockServerWebExchange exchange = handle("/v1/status", new InvalidMediaTypeException(";", "empty"));
		assertThat(body(exchange))
			.isEqualTo("{\"errors\":[{\"status\":\"415\",\"title\":\"unsupported media type\"}]}");
	}

	@Test
	void routingSettingsAnswerInTheAddonShapeAndAnUnexpectedFailureShowsNothing() {
		MockServerWebExchange exchange = handle("/admin/routing-settings", new IllegalStateException("internals"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(body(exchange)).isEqualTo("{\"status\":0,\"message\":\"internal error\",\"errors\":[]}");
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
	}

	private MockServerWebExchange handle(String path, Throwable ex) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.put(path));
		this.shapes.handle(exchange, ex).block(Duration.ofSeconds(5));
		return exchange;
	}

	private static String body(MockServerWebExchange exchange) {
		return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
	}

}
