package com.chatsuite.gateway.errors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway runs without Reactor's automatic context propagation; its log line about an
 * unexpected failure of a request still carries the request's trace and span ids.
 */
@SuiteIntegrationTest
@Import(UnexpectedFailureLoggingIntegrationTests.FailingFilter.class)
class UnexpectedFailureLoggingIntegrationTests extends StubbedGatewayTest {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private Logger logger;

	@BeforeEach
	void listen() {
		this.logger = (Logger) LoggerFactory.getLogger(GatewayErrorHandler.class);
		this.events.start();
		this.logger.addAppender(this.events);
	}

	@AfterEach
	void stopListening() {
		this.logger.detachAppender(this.events);
	}

	@Test
	void theLogLineOfAnUnexpectedFailureCarriesTheRequestsTrace() {
		this.web.get()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
			.header("X-Test-Failure", "yes")
			.exchange()
			.expectStatus()
			.isEqualTo(500);
		assertThat(this.events.list).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).isEqualTo("Unexpected failure on GET /v1/tickets");
			assertThat(event.getMDCPropertyMap()).containsEntry("traceId", TRACE_ID).containsKey("spanId");
		});
	}

	@TestConfiguration
	static class FailingFilter {

		@Bean
		GlobalFilter failOnRequest() {
			return (exchange, chain) -> (exchange.getRequest().getHeaders().getFirst("X-Test-Failure") != null)
					? Mono.error(new IllegalStateException("a bug in a filter")) : chain.filter(exchange);
		}

	}

}
