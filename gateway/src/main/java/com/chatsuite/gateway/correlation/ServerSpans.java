package com.chatsuite.gateway.correlation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's tracing span of a request, read from the exchange. The gateway runs
 * without Reactor's automatic context propagation (it cost more CPU than anything else it
 * does), so the span is not in thread-locals inside its reactive pipelines: a log line
 * written there about a request is written {@link #inScope in its scope} to carry its
 * trace and span ids.
 */
public final class ServerSpans {

	private ServerSpans() {
	}

	/**
	 * The gateway's span of a request.
	 * @param exchange the request
	 * @return its span, {@code null} without tracing
	 */
	public static @Nullable Span of(ServerWebExchange exchange) {
		TracingObservationHandler.TracingContext tracing = ServerRequestObservationContext
			.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.orElse(null);
		return (tracing != null) ? tracing.getSpan() : null;
	}

	/**
	 * Runs something, a log line, in the scope of a request's span, so that it carries
	 * the trace and span ids.
	 * @param tracer the tracer, {@code null} without tracing
	 * @param exchange the request
	 * @param action what to run
	 */
	public static void inScope(@Nullable Tracer tracer, ServerWebExchange exchange, Runnable action) {
		Span span = (tracer != null) ? of(exchange) : null;
		if (span == null) {
			action.run();
			return;
		}
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			action.run();
		}
	}

}
