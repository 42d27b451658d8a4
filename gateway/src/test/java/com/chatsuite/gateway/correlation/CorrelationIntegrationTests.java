package com.chatsuite.gateway.correlation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Echo;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest
class CorrelationIntegrationTests extends StubbedGatewayTest {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	@Autowired
	private ObservationRegistry observations;

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Test
	void requestWithoutIdGetsNewIdForwardedAndEchoed() {
		EntityExchangeResult<Echo> result = this.web.get()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult();
		String echoed = result.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(echoed).matches(UUID_PATTERN);
		assertThat(result.getResponseBody().header("X-Request-Id")).containsExactly(echoed);
	}

	@Test
	void saneClientRequestIdIsKept() {
		EntityExchangeResult<Echo> result = this.web.post()
			.uri("/api/v2/room-control/create-room")
			.header("X-Request-Id", "widget-42.retry:1")
			.exchange()
			.expectBody(Echo.class)
			.returnResult();
		assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly("widget-42.retry:1");
		assertThat(result.getResponseBody().header("X-Request-Id")).containsExactly("widget-42.retry:1");
	}

	@Test
	void clientRequestIdWithUnsafeCharactersOrTooLongIsReplaced() {
		for (String unsafe : new String[] { "id with spaces", "<script>", "x".repeat(65) }) {
			Echo received = routed(
					this.web.post().uri("/api/v2/room-control/create-room").header("X-Request-Id", unsafe).exchange());
			assertThat(received.header("X-Request-Id")).singleElement().asString().matches(UUID_PATTERN);
		}
	}

	@Test
	void refusalsCarryTheRequestIdToo() {
		this.web.get()
			.uri("/v1/tickets")
			.header("X-Request-Id", "trace-me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-Request-Id", "trace-me");
	}

	@Test
	void validTraceparentKeepsTraceIdWithNewParentAndPassesTracestate() {
		String incoming = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
		Echo received = routed(this.web.post()
			.uri("/api/v2/room-control/create-room")
			.header("traceparent", incoming)
			.header("tracestate", "vendor=abc")
			.exchange());
		String sent = received.header("traceparent").get(0);
		assertThat(sent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").isNotEqualTo(incoming);
		assertThat(received.header("tracestate")).containsExactly("vendor=abc");
	}

	@Test
	void serviceReceivesTheGatewaysTracingSpanAsParent() {
		Map<String, String> spans = new ConcurrentHashMap<>();
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ServerRequestObservationContext;
			}

			@Override
			public void onStop(Observation.Context context) {
				TracingObservationHandler.TracingContext tracing = context
					.get(TracingObservationHandler.TracingContext.class);
				String requestId = ((ServerRequestObservationContext) context).getCarrier()
					.getHeaders()
					.getFirst("X-Request-Id");
				if (tracing != null && tracing.getSpan() != null && requestId != null) {
					spans.put(requestId,
							tracing.getSpan().context().traceId() + "-" + tracing.getSpan().context().spanId());
				}
			}

		});
		String incoming = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
		Echo received = routed(this.web.post()
			.uri("/api/v2/room-control/create-room")
			.header("X-Request-Id", "span-check")
			.header("traceparent", incoming)
			.exchange());
		await().atMost(Duration.ofSeconds(5)).until(() -> spans.containsKey("span-check"));
		assertThat(received.header("traceparent")).containsExactly("00-" + spans.get("span-check") + "-01");
		assertThat(spans.get("span-check")).startsWith(TRACE_ID + "-");
	}

	@Test
	void missingTraceparentStartsNewTrace() {
		Echo received = routed(this.web.post().uri("/api/v2/room-control/create-room").exchange());
		assertThat(received.header("traceparent")).singleElement()
			.asString()
			.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
	}

	@Test
	void invalidTraceparentStartsNewTraceAndDropsTracestate() {
		Echo received = routed(this.web.post()
			.uri("/api/v2/room-control/create-room")
			.header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
			.header("tracestate", "vendor=abc")
			.exchange());
		assertThat(received.header("traceparent")).singleElement()
			.asString()
			.doesNotContain("00000000000000000000000000000000");
		assertThat(received.header("tracestate")).isEmpty();
	}

}
