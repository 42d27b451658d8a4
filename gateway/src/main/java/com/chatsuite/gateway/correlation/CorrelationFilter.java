package com.chatsuite.gateway.correlation;

import java.util.concurrent.ThreadLocalRandom;

import com.chatsuite.gateway.WebFilterOrder;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id} (echoed on the response, and used as the
 * log prefix) and a W3C {@code traceparent}: the trace of a valid incoming header goes on
 * with the gateway as the new parent, anything else starts a new trace. The gateway's
 * parent is its tracing span of the request (the one its log lines name); without
 * tracing, a span id of its own. The headers are written on the request to the service by
 * {@link CorrelationHeadersFilter}.
 */
@Component
class CorrelationFilter implements WebFilter, Ordered {

	@Override
	public String toString() {
		// Names a checkpoint of the web filter chain on every request: keep it cheap.
		return "CorrelationFilter";
	}

	@Override
	public int getOrder() {
		return WebFilterOrder.CORRELATION;
	}

	/**
	 * The gateway's span of this request (Micrometer Tracing's, continuing a valid
	 * incoming {@code traceparent}), so that the service's spans are its children and the
	 * gateway's log lines carry the same trace id.
	 */
	private static @Nullable TraceParent serverSpan(ServerWebExchange exchange) {
		Span span = ServerSpans.of(exchange);
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		return TraceParent.parse("00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00"));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		HttpHeaders received = exchange.getRequest().getHeaders();
		String requestId = RequestIds.choose(received.getFirst(RequestIds.HEADER), random);
		TraceParent parent = TraceParent.parse(received.getFirst(TraceParent.HEADER));
		TraceParent sent = serverSpan(exchange);
		if (sent == null) {
			sent = (parent != null) ? parent.child(random) : TraceParent.start(random);
		}
		exchange.getAttributes().put(Correlation.ATTRIBUTE, new Correlation(requestId, sent, parent != null));
		exchange.getAttributes().put(ServerWebExchange.LOG_ID_ATTRIBUTE, requestId);
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			response.getHeaders().set(RequestIds.HEADER, requestId);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
